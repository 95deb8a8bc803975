using MedInfo.Letters;
using MedInfo.Store.Reading;

namespace MedInfo.Store.Tests;

/// <summary>
/// What pages render from one letter version is kept in the store once, for every later reader and every portal
/// (<see cref="LetterRenderings"/>), and handed out only through the reading rule, by the build that rendered it.
/// The same on every engine.
/// </summary>
public abstract class LetterRenderingTests(ITestDatabase database) : IAsyncLifetime
{
    private const string HcpLetter = "quorvex-hcp-letter";
    private const string PatientLetter = "zentravir-patient-letter";
    private const string Build = "build-a";
    private TestStore store = null!;
    private LetterRenderings renderings = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        renderings = new LetterRenderings(store.Factory);
        store.Write("hcp.md", SyntheticLetters.Letter(HcpLetter, brand: "QUORVEX®", generic: "quorvimab"));
        store.Write("patient.md", SyntheticLetters.Letter(PatientLetter, audience: "patient"));
        Assert.True((await store.ImportAsync()).Written);
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task A_kept_rendering_is_handed_out_with_its_version_for_the_build_that_made_it_only()
    {
        Assert.Null((await store.Catalog.GetVersionRenderingAsync(Readership.HealthcareProfessional, HcpLetter, 1, "current", Build))!.Html);

        await renderings.KeepAsync(HcpLetter, 1, "current", Build, "<p>kept ü “quoted” \u00a0</p>");
        var kept = await store.Catalog.GetVersionRenderingAsync(Readership.HealthcareProfessional, HcpLetter, 1, "current", Build);

        Assert.Equal("<p>kept ü “quoted” \u00a0</p>", kept!.Html);
        Assert.Equal(1, kept.Number);
        Assert.Equal("Use of QUORVEX in quorvex-hcp-letter", kept.Title);
        Assert.Null((await store.Catalog.GetVersionRenderingAsync(Readership.HealthcareProfessional, HcpLetter, 1, "current", "build-b"))!.Html);
        Assert.Null((await store.Catalog.GetVersionRenderingAsync(Readership.HealthcareProfessional, HcpLetter, 1, "version", Build))!.Html);
    }

    [Fact]
    public async Task The_first_rendering_kept_stays_when_portals_keep_the_same_page_at_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => renderings.KeepAsync(PatientLetter, 1, "current", Build, $"<p>{i}</p>")));
        var first = (await store.Catalog.GetVersionRenderingAsync(Readership.Public, PatientLetter, 1, "current", Build))!.Html;

        await renderings.KeepAsync(PatientLetter, 1, "current", Build, "<p>later</p>");

        Assert.Matches("^<p>[0-7]</p>$", first);
        Assert.Equal(first, (await store.Catalog.GetVersionRenderingAsync(Readership.Public, PatientLetter, 1, "current", Build))!.Html);
        Assert.Equal(1, await store.CountAsync("LetterRenderings"));
    }

    [Fact]
    public async Task The_reading_rule_decides_who_gets_a_kept_rendering()
    {
        await renderings.KeepAsync(HcpLetter, 1, "current", Build, "<p>hcp only</p>");
        await renderings.KeepAsync(PatientLetter, 1, "current", Build, "<p>for everyone</p>");

        Assert.Null(await store.Catalog.GetVersionRenderingAsync(Readership.Public, HcpLetter, 1, "current", Build));
        Assert.Null(await store.Catalog.GetVersionStampAsync(Readership.Public, HcpLetter, 1));
        Assert.Equal("<p>for everyone</p>", (await store.Catalog.GetVersionRenderingAsync(Readership.Public, PatientLetter, 1, "current", Build))!.Html);
        Assert.Equal(1, (await store.Catalog.GetVersionStampAsync(Readership.Public, PatientLetter, 1))!.Number);
        Assert.Null(await store.Catalog.GetVersionRenderingAsync(Readership.HealthcareProfessional, HcpLetter, 2, "current", Build));
    }

    [Fact]
    public async Task A_draft_version_is_never_handed_out_even_when_something_was_kept_for_it()
    {
        store.Write("hcp.md", SyntheticLetters.Letter(HcpLetter, brand: "QUORVEX®", generic: "quorvimab", status: "draft", sentence: "Unreleased wording."));
        Assert.True((await store.ImportAsync()).Written);
        await renderings.KeepAsync(HcpLetter, 2, "version", Build, "<p>draft</p>");

        Assert.Null(await store.Catalog.GetVersionRenderingAsync(Readership.HealthcareProfessional, HcpLetter, 2, "version", Build));
        Assert.Null(await store.Catalog.GetVersionStampAsync(Readership.HealthcareProfessional, HcpLetter, 2));
        Assert.Equal(1, (await store.Catalog.GetCurrentStampAsync(Readership.HealthcareProfessional, HcpLetter))!.Number);
    }

    [Fact]
    public async Task Renderings_of_other_builds_are_dropped_and_this_builds_stay()
    {
        await renderings.KeepAsync(HcpLetter, 1, "current", "old-build", "<p>old</p>");
        await renderings.KeepAsync(PatientLetter, 1, "version", "old-build", "<p>old</p>");
        await renderings.KeepAsync(HcpLetter, 1, "current", Build, "<p>new</p>");

        Assert.Equal(2, await renderings.DropOtherBuildsAsync(Build));

        Assert.Equal(1, await store.CountAsync("LetterRenderings"));
        Assert.Equal("<p>new</p>", (await store.Catalog.GetVersionRenderingAsync(Readership.HealthcareProfessional, HcpLetter, 1, "current", Build))!.Html);
    }

    public sealed class OnSqlite() : LetterRenderingTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : LetterRenderingTests(server);
}
