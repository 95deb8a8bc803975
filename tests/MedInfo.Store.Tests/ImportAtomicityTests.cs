using MedInfo.Letters;

namespace MedInfo.Store.Tests;

/// <summary>An import is all or nothing: one broken file and nothing from the run is written.</summary>
public abstract class ImportAtomicityTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(database);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task A_run_with_one_broken_file_changes_nothing_and_every_letter_stays_at_its_last_good_version()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Good wording one."));
        store.Write("b.md", SyntheticLetters.Letter("letter-b", sentence: "Good wording two."));
        await store.ImportAsync();
        var before = await store.CountAsync("LetterVersions");

        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Edited wording."));
        store.Write("b.md", SyntheticLetters.Letter("letter-b", sentence: "Broken[@nosuchref]."));
        store.Write("c.md", SyntheticLetters.Letter("letter-c"));
        File.Delete(Path.Combine(store.Content, "a.md"));
        store.Write("a2.md", SyntheticLetters.Letter("letter-a", sentence: "Edited wording."));
        var report = await store.ImportAsync();

        Assert.False(report.Written);
        Assert.Contains(report.Diagnostics, d => d.IsError && d.Path.EndsWith("b.md", StringComparison.Ordinal) && d.Line > 0);
        Assert.Equal(before, await store.CountAsync("LetterVersions"));
        Assert.Null(await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-c"));
        Assert.Contains("Good wording one.", MedInfo.Letters.LetterPlainText.Render((await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-a"))!.Letter), StringComparison.Ordinal);
        Assert.Contains("Good wording two.", MedInfo.Letters.LetterPlainText.Render((await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-b"))!.Letter), StringComparison.Ordinal);
        Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "good wording one"));
    }

    [Fact]
    public async Task Two_files_claiming_one_id_write_nothing()
    {
        store.Write("a.md", SyntheticLetters.Letter("same-id"));
        store.Write("b.md", SyntheticLetters.Letter("same-id"));

        var report = await store.ImportAsync();

        Assert.False(report.Written);
        Assert.Equal(0, await store.CountAsync("Letters"));
    }

    // An import writes letters while it reads the files after them, a few hundred at a time: an error found
    // after hundreds were written must still leave the store as it was.
    [Fact]
    public async Task A_broken_file_read_after_hundreds_of_letters_were_written_changes_nothing()
    {
        store.Write("kept.md", SyntheticLetters.Letter("kept-letter", sentence: "The wording before."));
        await store.ImportAsync();
        var versionsBefore = await store.CountAsync("LetterVersions");
        store.Write("kept.md", SyntheticLetters.Letter("kept-letter", sentence: "The wording after."));
        WriteMany(600);
        store.Write("zz-broken.md", SyntheticLetters.Letter("zz-broken", sentence: "Broken[@nosuchref]."));

        var report = await store.ImportAsync();

        Assert.False(report.Written);
        Assert.Contains(report.Diagnostics, d => d.IsError && d.Path.EndsWith("zz-broken.md", StringComparison.Ordinal));
        Assert.Equal(1, await store.CountAsync("Letters"));
        Assert.Equal(versionsBefore, await store.CountAsync("LetterVersions"));
        Assert.Contains("The wording before.", LetterPlainText.Render((await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "kept-letter"))!.Letter), StringComparison.Ordinal);
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "invented wording 599"));
    }

    [Fact]
    public async Task Two_files_claiming_one_id_write_nothing_and_say_so_whether_they_are_written_together_or_apart()
    {
        // aaa and aab go out in the first batch, long before the read ends; zzz in the last.
        store.Write("aaa.md", SyntheticLetters.Letter("same-id"));
        store.Write("aab.md", SyntheticLetters.Letter("same-id", sentence: "Another wording."));
        WriteMany(600);
        store.Write("zzz.md", SyntheticLetters.Letter("same-id", sentence: "A third wording."));

        var report = await store.ImportAsync();

        Assert.False(report.Written);
        foreach (var file in new[] { "aaa.md", "aab.md", "zzz.md" })
        {
            Assert.Contains(report.Diagnostics, d => d.IsError && d.Path.EndsWith(file, StringComparison.Ordinal) && d.Message.Contains("same-id", StringComparison.Ordinal));
        }

        Assert.Equal(0, await store.CountAsync("Letters"));
    }

    [Fact]
    public async Task A_product_named_by_many_letters_takes_the_details_of_the_last_file_in_order()
    {
        store.Write("aaa.md", SyntheticLetters.Letter("first-letter", brand: "ZORVANTIX®", generic: "firstumab"));
        WriteMany(600);
        store.Write("zzz.md", SyntheticLetters.Letter("last-letter", brand: "ZORVANTIX®", generic: "lastumab"));

        Assert.True((await store.ImportAsync()).Written);

        var product = Assert.Single(await store.Catalog.ListProductsAsync(Readership.HealthcareProfessional), p => p.Brand == "ZORVANTIX®");
        Assert.Equal("lastumab", product.Generic);
    }

    private void WriteMany(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var number = i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            store.Write($"bulk/letter-{number}.md", SyntheticLetters.Letter($"bulk-letter-{number}", sentence: $"Invented wording {number}."));
        }
    }

    public sealed class OnSqlite() : ImportAtomicityTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : ImportAtomicityTests(server);
}
