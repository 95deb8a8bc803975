using MedInfo.Content.Tests;
using MedInfo.Letters;
using MedInfo.Store.Reading;

namespace MedInfo.Pdf.Tests;

/// <summary>
/// Every synthetic letter in tests/letters (a patient letter, boxed warnings, figures) printed and read back as the
/// seed is: its title, notice, summary, every table value and reference are in the PDF, each figure's image is
/// embedded in the file, and every page's footer
/// speaks to the audience the letter is written for.
/// </summary>
[Collection(PdfFixture.Collection)]
public sealed class TestLetterPdfTests(PdfFixture pdf)
{
    [Theory]
    [MemberData(nameof(TestLetterFiles.All), MemberType = typeof(TestLetterFiles))]
    public async Task Every_value_reaches_the_PDF_and_the_footer_names_the_audience(string relativePath)
    {
        var letter = await TestLetterFiles.ReadAsync(relativePath);
        var id = letter.Metadata.Id;
        var file = await pdf.Exports.LetterPdfAsync(new LetterVersionView(id, 1, new string('c', 64), DateTime.UtcNow, letter));
        await PdfArtifacts.SaveAsync(id, file);
        await Poppler.SavePageImagesAsync(file, Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots"), "pdf-" + id);
        var pages = (await Poppler.TextAsync(file)).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        var text = PdfText.Normalize(string.Join(' ', pages));
        var unhyphenated = text.Replace("-", string.Empty, StringComparison.Ordinal);

        Assert.Contains(PdfText.Normalize(letter.Metadata.Title), text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Normalize(letter.Metadata.Audience.Notice), text, StringComparison.Ordinal);
        // Case aside too: the document kind is printed in capitals.
        var squashed = TestLetterFiles.Squash(text);
        Assert.All(TestLetterFiles.SquashedLines(letter), line => Assert.Contains(line, squashed, StringComparison.OrdinalIgnoreCase));
        var cells = letter.Tables.SelectMany(t => t.HeaderRows.Concat(t.BodyRows)).SelectMany(r => r.Cells)
            .Select(c => PdfText.Normalize(LetterPlainText.Text(c.Content))).Where(c => c.Length > 0).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, cell => Assert.Contains(cell, text, StringComparison.Ordinal));
        Assert.All(letter.References, r =>
            Assert.Contains(PdfText.Normalize(r.Text).Replace("-", string.Empty, StringComparison.Ordinal), unhyphenated, StringComparison.Ordinal));

        // Each figure's image is in the file itself (the print page fetches nothing), tagged as a figure.
        Assert.Equal(letter.Figures.Select(f => (f.Image.Width, f.Image.Height)), await Poppler.ImagesAsync(file));
        var tags = (await Poppler.StructureAsync(file)).Split('\n').Select(l => l.Trim());
        // Chromium tags <figure> and its <img> each as a Figure.
        Assert.Equal(2 * letter.Figures.Count(), tags.Count(t => t == "Figure"));

        var footer = letter.Metadata.Audience.Kind == AudienceKind.Patient
            ? "Written for patients and caregivers (US)."
            : "For US healthcare professionals only.";
        var otherFooter = letter.Metadata.Audience.Kind == AudienceKind.Patient ? "healthcare professionals only" : "Written for patients";
        Assert.All(pages, page =>
        {
            Assert.Contains(footer, PdfText.Normalize(page), StringComparison.Ordinal);
            Assert.DoesNotContain(otherFooter, PdfText.Normalize(page), StringComparison.Ordinal);
        });
    }
}
