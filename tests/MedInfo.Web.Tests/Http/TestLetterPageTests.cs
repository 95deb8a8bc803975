using System.Net;
using MedInfo.Content.Tests;
using MedInfo.Letters;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// Every synthetic letter of tests/letters, read on its page by the reader it is written for, as the seed is: the
/// title, notice, every line of text, table value and reference are there, escaped once and never lost.
/// </summary>
public sealed class TestLetterPageTests(TestLettersPortalFactory portal) : IClassFixture<TestLettersPortalFactory>
{
    [Theory]
    [MemberData(nameof(TestLetterFiles.All), MemberType = typeof(TestLetterFiles))]
    public async Task Every_value_is_on_the_page(string relativePath)
    {
        var letter = await TestLetterFiles.ReadAsync(relativePath);
        var client = letter.Metadata.Audience.Kind == AudienceKind.Patient
            ? portal.CreateClient(new() { AllowAutoRedirect = false })
            : portal.CreateHcpClient();

        var response = await client.GetAsync("/letters/" + letter.Metadata.Id);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TestLetterFiles.Squash(VisibleText(html));
        Assert.Contains(TestLetterFiles.Squash(letter.Metadata.Title), text, StringComparison.Ordinal);
        Assert.Contains(TestLetterFiles.Squash(letter.Metadata.Audience.Notice), text, StringComparison.Ordinal);
        Assert.All(TestLetterFiles.SquashedLines(letter), line => Assert.Contains(line, text, StringComparison.Ordinal));
        Assert.All(letter.References, r => Assert.Contains(TestLetterFiles.Squash(r.Text), text, StringComparison.Ordinal));
    }

    /// <summary>The letter as it reads: the article's text without the citation popovers (the full reference, shown on hover).</summary>
    private static string VisibleText(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var popover in document.QuerySelectorAll(".ref-popover").ToList())
        {
            popover.Remove();
        }

        return document.QuerySelector("article.letter")!.TextContent;
    }
}
