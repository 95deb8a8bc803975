using MedInfo.Content.Tests;
using MedInfo.Store.Reading;

namespace MedInfo.Pdf.Tests;

/// <summary>A boxed warning is printed whole on one page where it fits: never its title on one page and its end on the next.</summary>
[Collection(PdfFixture.Collection)]
public sealed class CalloutPdfTests(PdfFixture pdf)
{
    [Fact]
    public async Task A_warning_box_is_never_split_across_pages()
    {
        var box = "::: warning WARNING: INVENTED BOX TITLE\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"- Invented warning line {i} of the box.\n")) + ":::\n";
        // Without the box's rule, each of these puts its title at the foot of page 1 and its end on page 2.
        foreach (var fillers in new[] { 12, 24 })
        {
            var body = "## Summary\n\n" + string.Concat(Enumerable.Range(1, fillers).Select(i => $"Filler paragraph {i}.\n\n")) + box;
            var letter = TestLetters.ReadValid(TestLetters.WithBody(body));
            var file = await pdf.Exports.LetterPdfAsync(new LetterVersionView(letter.Metadata.Id, 1, new string('d', 64), DateTime.UtcNow, letter));
            var pages = (await Poppler.TextAsync(file)).Split('\f', StringSplitOptions.RemoveEmptyEntries);

            var titlePage = Array.FindIndex(pages, p => p.Contains("WARNING: INVENTED BOX TITLE", StringComparison.Ordinal));
            var endPage = Array.FindIndex(pages, p => p.Contains("Invented warning line 12 of the box.", StringComparison.Ordinal));
            Assert.True(titlePage >= 0 && titlePage == endPage, $"{fillers} paragraphs before the box: title on page {titlePage + 1}, end on page {endPage + 1}");
        }
    }
}
