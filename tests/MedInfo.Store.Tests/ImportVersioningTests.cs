using MedInfo.Letters;

namespace MedInfo.Store.Tests;

/// <summary>Each changed file makes one new version; unchanged files write nothing; old versions stay readable.</summary>
public abstract class ImportVersioningTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(database);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task Reimporting_the_same_tree_creates_no_version()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a"));
        store.Write("b.md", SyntheticLetters.Letter("letter-b"));
        await store.ImportAsync();

        var again = await store.ImportAsync();

        Assert.Equal((0, 0, 2), (again.NewLetters, again.NewVersions, again.Unchanged));
        Assert.Equal(2, await store.CountAsync("LetterVersions"));
    }

    [Fact]
    public async Task A_new_file_reusing_the_id_of_an_unchanged_one_is_refused_naming_both()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a"));
        await store.ImportAsync();

        store.Write("copy-of-a.md", SyntheticLetters.Letter("letter-a", sentence: "Another text under the same id."));
        var report = await store.ImportAsync();

        Assert.False(report.Written);
        var errors = report.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("a.md:2:1: error: The id 'letter-a' is also used by copy-of-a.md", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("copy-of-a.md:2:1: error: The id 'letter-a' is also used by a.md", StringComparison.Ordinal));
        Assert.Equal(1, await store.CountAsync("LetterVersions"));
    }

    [Fact]
    public async Task A_file_whose_size_and_time_have_not_moved_is_not_read_again_and_a_save_is()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Wording one."));
        store.Write("b.md", SyntheticLetters.Letter("letter-b"));
        var saved = DateTime.UtcNow.AddHours(-1);
        SetTime("a.md", saved);
        SetTime("b.md", saved);
        await store.ImportAsync();

        // Rewritten behind the importer's back with the same size and time: as make would, it takes the file as it was.
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Wording two."));
        SetTime("a.md", saved);
        var untouched = await store.ImportAsync();
        // An editor's save moves the time: read, and a new version.
        SetTime("a.md", saved.AddMinutes(1));
        var edited = await store.ImportAsync();

        Assert.Equal((0, 2), (untouched.NewVersions, untouched.Unchanged));
        Assert.Equal((1, 1), (edited.NewVersions, edited.Unchanged));
        var current = (await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-a"))!;
        Assert.Equal(2, current.Number);
        Assert.Equal(MedInfo.Content.ContentTreeReader.Hash(File.ReadAllText(Path.Combine(store.Content, "a.md"))), current.ContentHash);
    }

    [Fact]
    public async Task A_file_written_moments_before_an_import_is_read_the_next_time_even_with_the_same_size_and_time()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Wording one."));
        var written = File.GetLastWriteTimeUtc(Path.Combine(store.Content, "a.md"));
        await store.ImportAsync();

        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Wording two."));
        SetTime("a.md", written); // written again within the clock's resolution: the same stamp
        var report = await store.ImportAsync();

        Assert.Equal(1, report.NewVersions);
    }

    [Fact]
    public async Task A_new_file_reusing_the_id_of_a_file_not_read_again_is_refused_at_its_id_line()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a"));
        SetTime("a.md", DateTime.UtcNow.AddHours(-1));
        await store.ImportAsync();

        store.Write("copy-of-a.md", SyntheticLetters.Letter("letter-a", sentence: "Another text under the same id."));
        var report = await store.ImportAsync();

        Assert.False(report.Written);
        Assert.Contains(report.Diagnostics, d => d.ToString().Contains("a.md:2:1: error: The id 'letter-a' is also used by copy-of-a.md", StringComparison.Ordinal));
    }

    private void SetTime(string relativePath, DateTime utc) => File.SetLastWriteTimeUtc(Path.Combine(store.Content, relativePath), utc);

    [Fact]
    public async Task A_letter_moved_to_another_file_unchanged_creates_no_version()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a"));
        await store.ImportAsync();

        File.Move(Path.Combine(store.Content, "a.md"), Path.Combine(store.Content, "renamed.md"));
        var report = await store.ImportAsync();

        Assert.Equal((0, 0, 1, 0), (report.NewLetters, report.NewVersions, report.Unchanged, report.Retired));
        Assert.Equal(1, await store.CountAsync("LetterVersions"));
    }

    [Fact]
    public async Task Changing_one_sentence_creates_exactly_one_new_version_and_the_old_one_stays_readable()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "The first wording."));
        store.Write("b.md", SyntheticLetters.Letter("letter-b"));
        await store.ImportAsync();
        store.Clock.Now = store.Clock.Now.AddDays(30);

        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "The second wording."));
        var report = await store.ImportAsync();

        Assert.Equal((0, 1, 1), (report.NewLetters, report.NewVersions, report.Unchanged));
        Assert.Equal(3, await store.CountAsync("LetterVersions"));
        var current = (await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-a"))!;
        var first = (await store.Catalog.GetVersionAsync(Readership.HealthcareProfessional, "letter-a", 1))!;
        Assert.Equal(2, current.Number);
        Assert.Contains("The second wording.", MedInfo.Letters.LetterPlainText.Render(current.Letter), StringComparison.Ordinal);
        Assert.Contains("The first wording.", MedInfo.Letters.LetterPlainText.Render(first.Letter), StringComparison.Ordinal);
        Assert.DoesNotContain("The second wording.", MedInfo.Letters.LetterPlainText.Render(first.Letter), StringComparison.Ordinal);
        Assert.Equal(store.Clock.Now.UtcDateTime, current.ImportedAtUtc);
        Assert.NotEqual(first.ContentHash, current.ContentHash);
        var versions = await store.Catalog.ListVersionsAsync(Readership.HealthcareProfessional, "letter-a");
        Assert.Equal([1, 2], versions.Select(v => v.Number));
    }

    [Fact]
    public async Task The_search_index_follows_the_current_version()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Quintessential wording."));
        await store.ImportAsync();
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Replacement wording."));
        await store.ImportAsync();

        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "quintessential"));
        Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "replacement"));
        Assert.Equal(1, await store.CountAsync("LetterSearch"));
    }

    [Fact]
    public async Task A_removed_file_retires_its_letter_which_keeps_its_history()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Retirable wording."));
        store.Write("b.md", SyntheticLetters.Letter("letter-b"));
        await store.ImportAsync();

        File.Delete(Path.Combine(store.Content, "a.md"));
        var report = await store.ImportAsync();

        Assert.Equal(1, report.Retired);
        Assert.Null(await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-a"));
        Assert.NotNull(await store.Catalog.GetVersionAsync(Readership.HealthcareProfessional, "letter-a", 1));
        Assert.Equal(["letter-b"], (await store.Catalog.ListForEditorsAsync()).Select(l => l.Id));
        Assert.Contains((await store.Catalog.ListForEditorsAsync(includeRetired: true)), l => l is { Id: "letter-a", IsRetired: true });
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "retirable"));
    }

    [Fact]
    public async Task A_file_put_back_brings_its_letter_back()
    {
        var text = SyntheticLetters.Letter("letter-a");
        store.Write("a.md", text);
        await store.ImportAsync();
        File.Delete(Path.Combine(store.Content, "a.md"));
        await store.ImportAsync();

        store.Write("a.md", text);
        await store.ImportAsync();

        Assert.NotNull(await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-a"));
        Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "examplumab"));
    }

    [Fact]
    public async Task Draft_letters_are_stored_but_not_searchable()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", status: "draft", sentence: "Unreleased wording."));
        await store.ImportAsync();

        Assert.Equal(MedInfo.Letters.LetterStatus.Draft, (await store.Catalog.ListForEditorsAsync()).Single().Status);
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "unreleased"));
    }

    [Fact]
    public async Task A_draft_version_leaves_readers_on_the_published_one_until_it_is_published()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Released wording."));
        await store.ImportAsync();
        store.Write("a.md", SyntheticLetters.Letter("letter-a", status: "draft", sentence: "Pending wording."));
        await store.ImportAsync();

        Assert.Equal(1, (await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-a"))!.Number);
        Assert.Null(await store.Catalog.GetVersionAsync(Readership.HealthcareProfessional, "letter-a", 2));
        Assert.Equal([1], (await store.Catalog.ListVersionsAsync(Readership.HealthcareProfessional, "letter-a")).Select(v => v.Number));
        Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "released"));
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "pending"));

        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Pending wording, now final."));
        await store.ImportAsync();

        Assert.Equal(3, (await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-a"))!.Number);
        Assert.Single(await store.Search.SearchAsync(Readership.HealthcareProfessional, "pending"));
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "released"));
    }

    [Fact]
    public async Task A_letter_retired_by_its_status_leaves_every_listing_and_the_search()
    {
        store.Write("a.md", SyntheticLetters.Letter("letter-a", sentence: "Withdrawn wording."));
        await store.ImportAsync();
        store.Write("a.md", SyntheticLetters.Letter("letter-a", status: "retired", sentence: "Withdrawn wording."));
        await store.ImportAsync();

        Assert.Null(await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "letter-a"));
        Assert.Empty(await store.Catalog.ListPublishedAsync(Readership.HealthcareProfessional));
        Assert.Empty(await store.Search.SearchAsync(Readership.HealthcareProfessional, "withdrawn"));
        Assert.NotNull(await store.Catalog.GetVersionAsync(Readership.HealthcareProfessional, "letter-a", 1)); // what was published stays on record
    }

    public sealed class OnSqlite() : ImportVersioningTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : ImportVersioningTests(server);
}
