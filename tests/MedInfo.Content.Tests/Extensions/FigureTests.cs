using MedInfo.Content.Diagnostics;
using MedInfo.Content.Extensions.Figures;
using MedInfo.Content.Markdown;
using MedInfo.Letters;
using SkiaSharp;

namespace MedInfo.Content.Tests.Extensions;

/// <summary>
/// Figures: <c>::: figure id</c>, the image line <c>![alt](file.png)</c>, the caption, <c>:::</c>. The image is a
/// file beside the letter, decoded in full; every mistake is reported at its place.
/// </summary>
public sealed class FigureTests : IDisposable
{
    private const string Reference = "\n## References\n\n[@synth2020]: Synth A. Invented study. J Synth. 2020;1:1.\n";
    private readonly string folder = Directory.CreateTempSubdirectory("medinfo-figures-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A synthetic image (a grey square with a darker band), encoded as Skia writes it.</summary>
    public static byte[] Image(int width = 64, int height = 48, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.LightGray);
            using var paint = new SKPaint { Color = SKColors.SteelBlue };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private LetterReadResult Read(string body, params (string Name, byte[] Bytes)[] files)
    {
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(folder, "letters", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        return LetterReader.Read("test.md", TestLetters.WithBody(body), new FolderFigureFiles(folder, "letters/test.md"));
    }

    private static string Figure(string image = "![A grey square, its left half blue](figures/a.png)", string caption = "An Invented Chart[@synth2020]", string id = "invented-chart") =>
        $"## Summary\n\nSee [the chart](figure:{id}).\n\n::: figure {id}\n{image}\n{caption}\n:::\n" + Reference;

    private static Diagnostic SingleError(LetterReadResult result) => Assert.Single(result.Diagnostics, d => d.IsError);

    [Fact]
    public void A_figure_has_its_image_alt_text_numbered_caption_and_cross_reference()
    {
        var bytes = Image();
        var result = Read(Figure() + "\n", ("figures/a.png", bytes));

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var figure = Assert.Single(result.Letter!.Figures);
        Assert.Equal(("invented-chart", 1, "figure-invented-chart"), (figure.Id, figure.Number, figure.Anchor));
        Assert.Equal("A grey square, its left half blue", figure.AltText);
        Assert.Equal("An Invented Chart1", LetterPlainText.Text(figure.Caption));
        Assert.Equal(new FigureImage(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), "image/png", 64, 48), figure.Image);
        Assert.Single(LetterWalker.Inlines(result.Letter).OfType<FigureReference>(), r => r.FigureId == "invented-chart");
        var file = Assert.Single(result.Figures!);
        Assert.Equal("letters/figures/a.png", file.ContentPath);
        Assert.Equal(bytes, file.Bytes);
        Assert.Contains("Figure 1. An Invented Chart1", LetterPlainText.Render(result.Letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_are_numbered_in_reading_order_and_a_JPEG_is_taken()
    {
        var body = "## Summary\n\n::: figure first\n![First](one.png)\nFirst caption.\n:::\n\n::: figure second\n![Second](two.jpg)\n\nSecond caption.\n:::\n";

        var result = Read(body, ("one.png", Image()), ("two.jpg", Image(format: SKEncodedImageFormat.Jpeg)));

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal([("first", 1, "image/png"), ("second", 2, "image/jpeg")], result.Letter!.Figures.Select(f => (f.Id, f.Number, f.Image.MediaType)));
    }

    [Theory]
    [InlineData("![](figures/a.png)", "needs alt text", 20)]
    [InlineData("Text before the image ![Alt](figures/a.png)", "starts with its image", 19)]
    [InlineData("![Alt](figures/missing.png)", "is not there", 20)]
    [InlineData("![Alt](../../outside.png)", "outside the letter's folder", 20)]
    [InlineData("![Alt](https://example.org/chart.png)", "must be a file beside the letter", 20)]
    [InlineData("![Alt](figures/a.gif)", "not a PNG or JPEG file name", 20)]
    public void A_mistake_in_the_image_line_is_an_error_at_its_place(string imageLine, string expected, int line)
    {
        var result = Read(Figure(image: imageLine), ("figures/a.png", Image()), ("figures/a.gif", Image()));

        var error = SingleError(result);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_figure_without_a_caption_is_an_error()
    {
        var result = Read(Figure(caption: string.Empty), ("figures/a.png", Image()));

        Assert.Contains("needs a caption", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_named_png_is_refused()
    {
        var result = Read(Figure(), ("figures/a.png", "<svg onload=alert(1)>"u8.ToArray()));

        Assert.Contains("is not an image that can be read", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JPEG_named_png_is_refused()
    {
        var result = Read(Figure(), ("figures/a.png", Image(format: SKEncodedImageFormat.Jpeg)));

        Assert.Contains("named as a PNG file but holds a JPEG image", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PNG_cut_short_is_refused()
    {
        var whole = Image(400, 300);
        var result = Read(Figure(), ("figures/a.png", whole[..(whole.Length / 2)]));

        Assert.Contains("could not be read to its end", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 8)]
    [InlineData(6001, 20)]
    public void An_image_too_small_or_too_large_is_refused(int width, int height)
    {
        var result = Read(Figure(), ("figures/a.png", Image(width, height)));

        Assert.Contains($"is {width} x {height} pixels", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cross_reference_to_a_figure_the_letter_lacks_is_an_error()
    {
        var result = Read("## Summary\n\nSee [the chart](figure:no-such-figure).\n");

        Assert.Contains("has no figure with that id", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_outside_a_figure_is_still_refused_and_points_at_figures()
    {
        var result = Read("## Summary\n\n![Alt](figures/a.png)\n", ("figures/a.png", Image()));

        Assert.Contains("::: figure id", SingleError(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_read_without_its_folder_says_why_its_figure_cannot_be_read()
    {
        var errors = TestLetters.Errors(TestLetters.WithBody(Figure()));

        Assert.Contains("cannot be read here", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_image_changes_the_letter_hash_and_the_same_image_does_not()
    {
        var text = TestLetters.WithBody(Figure());
        var first = Read(Figure(), ("figures/a.png", Image()));
        var again = Read(Figure(), ("figures/a.png", Image()));
        var changed = Read(Figure(), ("figures/a.png", Image(64, 49)));

        Assert.Equal(ContentTreeReader.Hash(text, first.Figures!), ContentTreeReader.Hash(text, again.Figures!));
        Assert.NotEqual(ContentTreeReader.Hash(text, first.Figures!), ContentTreeReader.Hash(text, changed.Figures!));
        Assert.Equal(ContentTreeReader.Hash(text), ContentTreeReader.Hash(text, [])); // a letter without figures keeps its text's hash
    }
}
