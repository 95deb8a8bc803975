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

    public sealed class OnSqlite() : ImportAtomicityTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : ImportAtomicityTests(server);
}
