using System.Security.Cryptography;
using MedInfo.Content.Tests;
using MedInfo.Letters;

namespace MedInfo.Pdf.Tests;

/// <summary>The seed letter's PDF, read back with poppler-utils as a recipient's tools would.</summary>
[Collection(PdfFixture.Collection)]
public sealed class LetterPdfTests(PdfFixture pdf)
{
    private const string SeedId = "darzalex-poems-syndrome";

    private static readonly Lazy<Letter> Seed = new(() => TestLetters.ReadValid(File.ReadAllText(RepositoryPaths.SeedMarkdown)));

    private async Task<byte[]> SeedPdfAsync() => (await pdf.Exports.ExportLetterAsync(SeedId, null, null, "test"))!.Content;

    [Fact]
    public async Task The_text_holds_the_title_every_table_value_and_all_13_references()
    {
        var file = await SeedPdfAsync();
        await PdfArtifacts.SaveAsync("darzalex-poems-syndrome", file);
        var text = PdfText.Normalize(await Poppler.TextAsync(file));

        Assert.Contains(PdfText.Normalize(Seed.Value.Metadata.Title), text, StringComparison.Ordinal);
        var cells = Seed.Value.Tables
            .SelectMany(t => t.HeaderRows.Concat(t.BodyRows))
            .SelectMany(r => r.Cells)
            .Select(c => PdfText.Normalize(LetterPlainText.Text(c.Content)))
            .Where(c => c.Length > 0)
            .ToList();
        Assert.True(cells.Count > 150, $"only {cells.Count} cells read from the seed's tables");
        Assert.All(cells, cell => Assert.Contains(cell, text, StringComparison.Ordinal));
        Assert.Equal(13, Seed.Value.References.Count);
        // pdftotext drops a hyphen that ends a line ("quasi-" + "moyamoya" reads "quasimoyamoya"), so references,
        // which are long prose, are compared without hyphens.
        var unhyphenated = text.Replace("-", string.Empty, StringComparison.Ordinal);
        Assert.All(Seed.Value.References, r =>
            Assert.Contains(PdfText.Normalize(r.Text).Replace("-", string.Empty, StringComparison.Ordinal), unhyphenated, StringComparison.Ordinal));
    }

    [Fact]
    public async Task It_is_a_tagged_US_Letter_PDF_whose_footer_counts_its_pages()
    {
        var file = await SeedPdfAsync();
        var info = await Poppler.InfoAsync(file);
        var pages = (await Poppler.TextAsync(file)).Split('\f', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("yes", info["Tagged"]);
        Assert.Contains("/Lang (en)", System.Text.Encoding.Latin1.GetString(file), StringComparison.Ordinal);
        Assert.StartsWith("612 x 792 pts (letter)", info["Page size"], StringComparison.Ordinal);
        var count = int.Parse(info["Pages"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count >= 4, $"{count} pages");
        Assert.Equal(count, pages.Length);
        for (var page = 1; page <= count; page++)
        {
            Assert.Contains($"Page {page} of {count}", pages[page - 1], StringComparison.Ordinal);
            Assert.Contains("Version 1 · Last updated 05/08/2025 · darzalex-poems-syndrome", pages[page - 1], StringComparison.Ordinal);
            Assert.Contains("DARZALEX FASPRO® (daratumumab and hyaluronidase-fihj)", pages[page - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Title_subject_author_and_keywords_are_set()
    {
        var info = await Poppler.InfoAsync(await SeedPdfAsync());

        Assert.Equal(Seed.Value.Metadata.Title, info["Title"]);
        Assert.Equal("Medical Information", info["Author"]);
        Assert.Equal("Medical Information: " + Seed.Value.Metadata.Title, info["Subject"]);
        Assert.Contains("POEMS syndrome", info["Keywords"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outline_lists_the_sections_and_both_study_cards()
    {
        var titles = PdfText.OutlineTitles(await SeedPdfAsync());

        Assert.Contains("Summary", titles);
        Assert.Contains("CLINICAL DATA", titles);
        Assert.Contains("References", titles);
        Assert.Contains(titles, t => t.StartsWith("Dima et al (2023)", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("Vaxman et al (2023)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Citations_link_to_their_references_inside_the_document()
    {
        var targets = PdfText.InternalLinkTargets(await SeedPdfAsync());

        Assert.Contains("ref-1", targets);
        Assert.Contains("ref-2", targets);
        Assert.Contains("ref-4", targets);
        Assert.Contains("table-dima-responses", targets);
    }

    [Fact]
    public async Task Table_header_rows_repeat_on_each_page_the_table_runs_onto()
    {
        var pages = (await Poppler.TextAsync(await SeedPdfAsync())).Split('\f');

        var withBaselineRows = pages.Where(p => p.Contains("Heavy chain isotope", StringComparison.Ordinal) || p.Contains("Hematologic + clinical", StringComparison.Ordinal)).ToList();
        Assert.All(withBaselineRows, p => Assert.Contains("At DARZALEX or DARZALEX FASPRO", PdfText.Normalize(p), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unchanged_version_is_served_from_the_cache_byte_for_byte()
    {
        var first = await SeedPdfAsync();
        var cached = Directory.GetFiles(pdf.CacheDirectory, "darzalex-poems-syndrome-*.pdf");
        var second = await SeedPdfAsync();

        Assert.Single(cached);
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Fact]
    public async Task In_the_tag_tree_tables_are_tables_with_rows_and_cells_and_nothing_is_a_figure()
    {
        var tree = (await Poppler.StructureAsync(await SeedPdfAsync())).Split('\n').Select(l => l.Trim()).ToList();

        Assert.Equal(Seed.Value.Tables.Count(), tree.Count(l => l.StartsWith("Table", StringComparison.Ordinal)));
        Assert.Contains(tree, l => l == "TR");
        Assert.Contains(tree, l => l.StartsWith("TH", StringComparison.Ordinal));
        Assert.Contains(tree, l => l.StartsWith("TD", StringComparison.Ordinal));
        Assert.DoesNotContain(tree, l => l.StartsWith("Figure", StringComparison.Ordinal)); // the letter has no images
    }

    [Fact]
    public async Task A_line_break_keeps_a_space_in_the_tag_tree_and_a_long_id_keeps_the_footer_on_its_lines()
    {
        var id = "zentravir-" + string.Join('-', Enumerable.Repeat("long", 18)); // 99 characters, near the cap
        var letter = TestLetters.ReadValid(SyntheticLetters.Letter(id).Replace("- Examplumab was studied in an invented trial.", "- The authors\\\ncommented on an invented trial.", StringComparison.Ordinal));
        var file = await pdf.Exports.LetterPdfAsync(new MedInfo.Store.Reading.LetterVersionView(id, 3, new string('b', 64), DateTime.UtcNow, letter));

        var leaves = (await Poppler.StructureAsync(file, withText: true)).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('"')).Select(l => l.Trim('"'));
        var page = (await Poppler.TextAsync(file, layout: true)).Split('\f')[0].Split('\n');

        Assert.Contains("The authors commented on an invented trial.", string.Concat(leaves), StringComparison.Ordinal);
        var notice = Assert.Single(page, l => l.Contains("For US healthcare professionals only.", StringComparison.Ordinal));
        var details = Assert.Single(page, l => l.Contains("Page 1 of 1", StringComparison.Ordinal));
        Assert.Contains("Version 3 · Last updated 05/08/2025 · zentravir-long", details, StringComparison.Ordinal);
        Assert.Equal(1, Array.IndexOf(page, details) - Array.IndexOf(page, notice)); // two lines, one after the other
    }

    [Fact]
    public async Task The_cache_is_keyed_by_what_is_printed()
    {
        var id = "zentravir-cache-key-letter";
        var letter = TestLetters.ReadValid(SyntheticLetters.Letter(id));
        var files = () => Directory.Exists(pdf.CacheDirectory) ? Directory.GetFiles(pdf.CacheDirectory, id + "-*.pdf").Length : 0;

        var first = await pdf.Exports.LetterPdfAsync(new MedInfo.Store.Reading.LetterVersionView(id, 1, new string('c', 64), DateTime.UtcNow, letter));
        var again = await pdf.Exports.LetterPdfAsync(new MedInfo.Store.Reading.LetterVersionView(id, 1, new string('c', 64), DateTime.UtcNow, letter));
        Assert.Equal(1, files());
        Assert.Equal(first, again);

        // The same letter under another version number prints another footer: another PDF, not the cached one.
        var second = await pdf.Exports.LetterPdfAsync(new MedInfo.Store.Reading.LetterVersionView(id, 2, new string('c', 64), DateTime.UtcNow, letter));
        Assert.Equal(2, files());
        Assert.Contains("Version 2 ·", await Poppler.TextAsync(second), StringComparison.Ordinal);
    }
}
