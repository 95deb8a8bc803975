using MedInfo.Letters;

namespace MedInfo.Store.Tests;

/// <summary>
/// The reading rule, the same on every engine: a patient letter is read by everyone, an HCP letter only by
/// healthcare professionals, through every way the store hands letters out (listings, products, a letter, its
/// versions, its stamp, search). A letter that changes audience between versions follows its current version,
/// and each old version keeps its own.
/// </summary>
public abstract class AudienceTests(ITestDatabase database) : IAsyncLifetime
{
    private const string HcpLetter = "quorvex-hcp-letter";
    private const string PatientLetter = "zentravir-patient-letter";
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        store.Write("hcp.md", SyntheticLetters.Letter(HcpLetter, brand: "QUORVEX®", generic: "quorvimab", sentence: "Hcponly finding in an invented trial."));
        store.Write("patient.md", SyntheticLetters.Letter(PatientLetter, sentence: "Everyone finding in plain words.", audience: "patient"));
        var report = await store.ImportAsync();
        Assert.True(report.Written, string.Join('\n', report.Diagnostics));
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task The_public_sees_patient_letters_only_in_every_listing()
    {
        Assert.Equal([PatientLetter], (await store.Catalog.ListPublishedAsync(Readership.Public)).Select(l => l.Id));
        Assert.Equal([PatientLetter], (await store.Catalog.ListRecentAsync(Readership.Public, 10)).Select(l => l.Id));
        Assert.Equal(["ZENTRAVIR®"], (await store.Catalog.ListProductsAsync(Readership.Public)).Select(p => p.Brand));
        Assert.Null(await store.Catalog.GetProductAsync(Readership.Public, "quorvex"));
        Assert.Equal(AudienceKind.Patient, Assert.Single((await store.Catalog.GetProductAsync(Readership.Public, "zentravir"))!.Value.Letters).Audience);
    }

    [Fact]
    public async Task Healthcare_professionals_see_both_and_each_is_marked()
    {
        var letters = await store.Catalog.ListPublishedAsync(Readership.HealthcareProfessional);

        Assert.Equal(AudienceKind.Hcp, letters.Single(l => l.Id == HcpLetter).Audience);
        Assert.Equal(AudienceKind.Patient, letters.Single(l => l.Id == PatientLetter).Audience);
        Assert.Equal(2, (await store.Catalog.ListProductsAsync(Readership.HealthcareProfessional)).Count);
    }

    [Fact]
    public async Task An_hcp_letter_and_its_versions_are_not_handed_to_the_public()
    {
        Assert.Null(await store.Catalog.GetCurrentAsync(Readership.Public, HcpLetter));
        Assert.Null(await store.Catalog.GetVersionAsync(Readership.Public, HcpLetter, 1));
        Assert.Empty(await store.Catalog.ListVersionsAsync(Readership.Public, HcpLetter));
        Assert.Null(await store.Catalog.GetCurrentStampAsync(Readership.Public, HcpLetter));
        Assert.True(await store.Catalog.IsForOthersAsync(Readership.Public, HcpLetter));
        Assert.True(await store.Catalog.IsForOthersAsync(Readership.Public, HcpLetter, 1));

        Assert.NotNull(await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, HcpLetter));
        Assert.NotNull(await store.Catalog.GetCurrentStampAsync(Readership.HealthcareProfessional, HcpLetter));
        Assert.False(await store.Catalog.IsForOthersAsync(Readership.HealthcareProfessional, HcpLetter));
    }

    [Fact]
    public async Task A_patient_letter_is_handed_to_everyone()
    {
        var view = await store.Catalog.GetCurrentAsync(Readership.Public, PatientLetter);

        Assert.Equal(AudienceKind.Patient, view!.Letter.Metadata.Audience.Kind);
        Assert.NotNull(await store.Catalog.GetVersionAsync(Readership.Public, PatientLetter, 1));
        Assert.NotNull(await store.Catalog.GetCurrentStampAsync(Readership.Public, PatientLetter));
        Assert.False(await store.Catalog.IsForOthersAsync(Readership.Public, PatientLetter));
        Assert.False(await store.Catalog.IsForOthersAsync(Readership.Public, "no-such-letter"));
    }

    [Fact]
    public async Task Search_finds_an_hcp_letter_for_professionals_only()
    {
        Assert.Empty(await store.Search.SearchAsync(Readership.Public, "hcponly"));
        Assert.Empty(await store.Search.SearchAsync(Readership.Public, "quorvex"));
        var patient = Assert.Single(await store.Search.SearchAsync(Readership.Public, "finding"));
        Assert.Equal(PatientLetter, patient.LetterId);
        Assert.True(patient.ForPatients);

        var all = await store.Search.SearchAsync(Readership.HealthcareProfessional, "finding");
        Assert.Equal(2, all.Count);
        Assert.False(all.Single(h => h.LetterId == HcpLetter).ForPatients);
    }

    [Fact]
    public async Task A_letter_rewritten_for_professionals_leaves_the_public_with_its_patient_version_only()
    {
        store.Write("patient.md", SyntheticLetters.Letter(PatientLetter, sentence: "Rewritten hcponly detail.", audience: "hcp"));
        Assert.True((await store.ImportAsync()).Written);

        Assert.Null(await store.Catalog.GetCurrentAsync(Readership.Public, PatientLetter));
        Assert.Empty(await store.Search.SearchAsync(Readership.Public, "rewritten"));
        Assert.Equal([1], (await store.Catalog.ListVersionsAsync(Readership.Public, PatientLetter)).Select(v => v.Number));
        Assert.Null(await store.Catalog.GetVersionAsync(Readership.Public, PatientLetter, 2));
        Assert.Equal(2, (await store.Catalog.ListVersionsAsync(Readership.HealthcareProfessional, PatientLetter)).Count);
    }

    public sealed class OnSqlite() : AudienceTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : AudienceTests(server);
}
