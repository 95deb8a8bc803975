using MedInfo.Content.Tests;
using MedInfo.Letters;
using MedInfo.Rendering.Print;

namespace MedInfo.Rendering.Tests;

public sealed class CoverLetterTemplateTests
{
    private static readonly HcpRequest Request = new(
        "MI-7", "Dr. Sam Placeholder", "PharmD", "Example Hospital", "1 Example Road\nExample City", "Line one?\nLine two?", new DateOnly(2026, 3, 4));

    [Fact]
    public void The_repositorys_template_fills_every_field()
    {
        var template = CoverLetterTemplate.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Content, CoverLetterTemplate.RelativePath)), "cover-letter.md");

        var html = template.Render(Request, new DateOnly(2026, 11, 24));

        Assert.Contains("November 24, 2026", html, StringComparison.Ordinal);
        Assert.Contains("Dear Dr. Sam Placeholder,", html, StringComparison.Ordinal);
        Assert.Contains("received March 4, 2026", html, StringComparison.Ordinal);
        Assert.Contains("Line one?<br />\nLine two?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_placeholder_is_an_error_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => CoverLetterTemplate.Parse("Dear {{hcp_name}},\n\nRe {{request_id}}", "t.md"));

        Assert.StartsWith("t.md:3:4: error: Unknown placeholder {{request_id}}.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("[click](javascript:alert(1))", "[click](javascript:alert(1))")]
    [InlineData("*bold* _it_ `code`", "*bold* _it_ `code`")]
    [InlineData("# Not a heading", "# Not a heading")]
    public void Request_text_stays_text(string name, string expected)
    {
        var html = CoverLetterTemplate.Parse("Dear {{hcp_name}},", "t.md").Render(Request with { HcpName = name }, new DateOnly(2026, 1, 1));

        Assert.Equal($"<p>Dear {expected},</p>\n", html);
    }
}
