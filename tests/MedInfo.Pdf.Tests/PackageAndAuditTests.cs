using System.Security.Cryptography;
using MedInfo.Letters;
using MedInfo.Store;
using MedInfo.Store.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedInfo.Pdf.Tests;

[Collection(PdfFixture.Collection)]
public sealed class PackageAndAuditTests(PdfFixture pdf)
{
    private static HcpRequest Request(string number) => new(
        number, "Dr. Avery Quill", "MD", "Example General Hospital", "a.quill@example.org",
        "Is there any data on use in an invented condition?\nPlease include references.", new DateOnly(2026, 11, 2));

    [Fact]
    public async Task A_package_has_the_cover_letter_both_letters_the_enclosures_and_continuous_page_numbers()
    {
        var export = await pdf.Exports.ExportPackageAsync(Request("MI-2026-0042"), ["darzalex-poems-syndrome", PdfFixture.SyntheticId], "staff@example.org");
        await PdfArtifacts.SaveAsync("response-package", export.Content);
        var pages = (await Poppler.TextAsync(export.Content)).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        var info = await Poppler.InfoAsync(export.Content);
        var all = PdfText.Normalize(string.Join(' ', pages));

        var cover = PdfText.Normalize(pages[0]);
        Assert.Contains("Dear Dr. Avery Quill,", cover, StringComparison.Ordinal);
        Assert.Contains("Re: your request MI-2026-0042, received November 2, 2026", cover, StringComparison.Ordinal);
        Assert.Contains("Is there any data on use in an invented condition? Please include references.", cover, StringComparison.Ordinal);
        Assert.Contains("Enclosures", cover, StringComparison.Ordinal);
        Assert.Contains("Use of DARZALEX + DARZALEX FASPRO in Polyneuropathy", all, StringComparison.Ordinal);
        Assert.Contains("Examplumab was studied in an invented trial.", all, StringComparison.Ordinal);
        var count = int.Parse(info["Pages"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count, pages.Length);
        for (var page = 1; page <= count; page++)
        {
            Assert.Contains($"Page {page} of {count}", pages[page - 1], StringComparison.Ordinal);
        }

        var outline = PdfText.OutlineTitles(export.Content);
        Assert.Contains("Response to request MI-2026-0042", outline);
        Assert.Contains(outline, t => t.StartsWith("Use of DARZALEX + DARZALEX FASPRO", StringComparison.Ordinal));
        Assert.Contains(outline, t => t.StartsWith("Use of ZENTRAVIR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_letter_in_a_package_links_to_its_own_references()
    {
        var export = await pdf.Exports.ExportPackageAsync(Request("MI-2026-0043"), ["darzalex-poems-syndrome", PdfFixture.SyntheticId], "staff@example.org");

        var targets = PdfText.InternalLinkTargets(export.Content);
        Assert.Contains("l1-ref-1", targets);
        Assert.DoesNotContain("ref-1", targets);
    }

    [Fact]
    public async Task Request_fields_are_text_in_the_cover_letter_never_markup()
    {
        var request = Request("MI-<b>1</b>") with { HcpName = "[click](javascript:alert(1)) *Dr* <script>x</script>" };

        var export = await pdf.Exports.ExportPackageAsync(request, [PdfFixture.SyntheticId], "staff@example.org");

        var cover = PdfText.Normalize((await Poppler.TextAsync(export.Content)).Split('\f')[0]);
        Assert.Contains("Dear [click](javascript:alert(1)) *Dr* <script>x</script>,", cover, StringComparison.Ordinal);
        Assert.Contains("MI-<b>1</b>", cover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_export_leaves_exactly_one_record_whose_hash_matches_the_file()
    {
        var before = await pdf.Audit.ListAsync(new ExportQuery());

        var letter = await pdf.Exports.ExportLetterAsync("darzalex-poems-syndrome", 1, null, "test");
        var package = await pdf.Exports.ExportPackageAsync(Request("MI-2026-0044"), [PdfFixture.SyntheticId], "staff@example.org");

        var after = await pdf.Audit.ListAsync(new ExportQuery());
        Assert.Equal(before.Count + 2, after.Count);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(letter!.Content)), letter.Record.PdfSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(package.Content)), package.Record.PdfSha256);
        Assert.Null(letter.Record.UserName);
        Assert.Equal([new ExportedLetter("darzalex-poems-syndrome", 1, letter.Record.Letters[0].ContentHash)], letter.Record.Letters);
        Assert.Equal("MI-2026-0044", package.Record.RequestNumber);
        Assert.Equal("Dr. Avery Quill", package.Record.Request!.HcpName);
        var kept = await pdf.Audit.GetPdfAsync(package.Record.Id);
        Assert.Equal(package.Content, kept!.Content);
        Assert.Equal(after[1].RecordHash, after[0].PreviousHash); // newest first, each chained to the one before
    }

    [Theory]
    [InlineData("UPDATE ExportRecords SET PdfSize = 1")]
    [InlineData("DELETE FROM ExportRecords")]
    [InlineData("UPDATE ExportFiles SET Content = X'00'")]
    [InlineData("DELETE FROM ExportFiles")]
    [InlineData("DELETE FROM ExportRecordLetters")]
    public async Task The_database_refuses_to_change_or_delete_audit_rows(string sql)
    {
        await pdf.Exports.ExportLetterAsync(PdfFixture.SyntheticId, null, null, "test");
        await using var db = await pdf.Services.GetRequiredService<IDbContextFactory<MedInfoDb>>().CreateDbContextAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await pdf.Audit.ListAsync(new ExportQuery()));
    }

    [Fact]
    public async Task Without_Chromium_export_says_how_to_install_it()
    {
        var options = Options.Create(new PdfOptions { ChromiumPath = "/nonexistent/chromium" });
        await using var engine = new ChromiumPdfEngine(options, NullLogger<ChromiumPdfEngine>.Instance);

        var error = await Assert.ThrowsAsync<PdfEngineUnavailableException>(() =>
            engine.PrintAsync("<p>x</p>", new PageFrame("h", "f"), new DocumentInfo("t", "a", "s", [])));

        Assert.False(engine.IsInstalled);
        Assert.Contains("apt-get install chromium", error.Message, StringComparison.Ordinal);
    }
}
