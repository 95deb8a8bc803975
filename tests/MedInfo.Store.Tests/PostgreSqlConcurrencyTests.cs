using MedInfo.Store.Audit;
using MedInfo.Import;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>
/// Several portals share one PostgreSQL database (the reason to run on it): two starting at once both import
/// content/ into the empty store, and both record exports. Each has its own importer and audit trail, as separate
/// processes do, so only the database can put them in order.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConcurrencyTests(PostgreSqlServer server) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(server);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task Two_portals_importing_the_same_content_at_once_make_one_version_of_each_letter()
    {
        for (var i = 0; i < 40; i++)
        {
            store.Write($"letter-{i}.md", SyntheticLetters.Letter($"letter-{i}"));
        }

        var portals = Enumerable.Range(0, 2)
            .Select(_ => new LetterImporter(StoreSetup.CreateFactory(store.Connection), store.Clock, new StoreChanges()))
            .ToList();

        var reports = await Task.WhenAll(portals.Select(p => Task.Run(() => p.ImportAsync(store.Content))));

        Assert.All(reports, r => Assert.True(r.Written, string.Join('\n', r.Diagnostics)));
        Assert.Equal([0, 40], reports.Select(r => r.NewLetters).Order());
        Assert.Equal(40, await store.CountAsync("LetterVersions"));
        Assert.Equal(40, await store.CountAsync("LetterSearch"));
    }

    [Fact]
    public async Task Portals_starting_at_once_on_an_empty_database_migrate_it_once()
    {
        var empty = await server.CreateAsync(store.Directory);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => StoreSetup.MigrateAsync(StoreSetup.CreateFactory(empty)))))
            .WaitAsync(TimeSpan.FromMinutes(2));

        await using var db = await StoreSetup.CreateFactory(empty).CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }

    [Fact]
    public async Task Two_portals_exporting_at_once_keep_one_unbroken_chain()
    {
        using var first = store.NewAuditTrail("portal-a");
        using var second = store.NewAuditTrail("portal-b");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).RecordAsync(
            new NewExport(NewExport.LetterKind, null, "web", [new ExportedLetter($"letter-{i}", 1, new string('a', 64))]), [(byte)i]))));

        var verification = await first.VerifyAsync();
        Assert.True(verification.Intact, string.Join('\n', verification.Problems));
        Assert.Equal(20, verification.Records);
    }
}
