using MedInfo.Letters;
using System.Text;
using CsCheck;
using MedInfo.Content.Tests.Robustness;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>
/// The importer, fed generated and mutated files run after run: a run with any error writes nothing, so every
/// letter stays at its last good version; a clean run writes. Never an exception out of the importer.
/// </summary>
public abstract class ImportFuzzTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(database);

    public async Task DisposeAsync() => await store.DisposeAsync();

    /// <summary>
    /// One run's files as bytes on disk: generated letters (each with its own id, so a clean run imports them all),
    /// letters with slips, mutated letters, and raw bytes that are not UTF-8 at all.
    /// </summary>
    private static readonly Gen<byte[][]> RunFiles =
        Gen.Frequency(
            (3, LetterGen.Letter.Select(Numbered)),
            (3, LetterGen.LetterWithSlips.Select(Numbered)),
            (2, LetterGen.Mutated(LetterGen.Letter).Select(Numbered)),
            (1, Gen.Byte.Array[0, 5_000].Select<byte[], Func<int, byte[]>>(bytes => _ => bytes)))
            .Array[1, 4]
            .Select(files => files.Select((file, i) => file(i)).ToArray());

    /// <summary>The i-th file of a run, as an editor's tool would save it: UTF-8, anything not valid UTF-16 replaced.</summary>
    private static Func<int, byte[]> Numbered(string text) =>
        i => Encoding.UTF8.GetBytes(text.Replace("id: zentravir-synthetic", $"id: fuzz-{i}", StringComparison.Ordinal));

    [Fact]
    public async Task Runs_of_fuzzed_files_never_lose_the_last_good_version_of_a_letter()
    {
        store.Write("published.md", SyntheticLetters.Letter("published-letter", sentence: "Published wording."));
        Assert.True((await store.ImportAsync()).Written);
        var (written, refused) = (0, 0);

        await RunFiles.SampleAsync(async files =>
        {
            foreach (var old in Directory.EnumerateFiles(store.Content, "run-*.md"))
            {
                File.Delete(old);
            }

            for (var i = 0; i < files.Length; i++)
            {
                await File.WriteAllBytesAsync(Path.Combine(store.Content, $"run-{i}.md"), files[i]);
            }

            var before = await CurrentVersionsAsync();
            var report = await store.ImportAsync();
            var after = await CurrentVersionsAsync();

            Assert.All(report.Diagnostics, d => Assert.True(d.Line >= 1 && d.Path.Contains("run-", StringComparison.Ordinal), d.ToString()));
            if (report.Written)
            {
                written++;
                Assert.DoesNotContain(report.Diagnostics, d => d.IsError);
                Assert.Equal(files.Length + 1, after.Count);
            }
            else
            {
                refused++;
                Assert.Contains(report.Diagnostics, d => d.IsError);
                Assert.Equal(before, after);
            }

            Assert.Equal(before["published-letter"], after["published-letter"]);
        }, iter: 150, threads: 1, print: files => $"{files.Length} files, {files.Sum(f => f.Length)} characters");

        Assert.True(written > 10 && refused > 10, $"{written} runs written, {refused} refused");
        Assert.Contains("Published wording.", MedInfo.Letters.LetterPlainText.Render((await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "published-letter"))!.Letter), StringComparison.Ordinal);
    }

    /// <summary>Each live letter's current version id.</summary>
    private async Task<Dictionary<string, int?>> CurrentVersionsAsync()
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        return await db.Letters.Where(l => !l.IsRetired).ToDictionaryAsync(l => l.Id, l => l.CurrentVersionId);
    }

    public sealed class OnSqlite() : ImportFuzzTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : ImportFuzzTests(server);
}
