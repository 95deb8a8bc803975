using MedInfo.Import;
using MedInfo.Store.Audit;
using MedInfo.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>
/// Portals behind PgBouncer in transaction pooling, where each transaction may run on a different server session:
/// a session-level lock taken on one would stay there, held by nobody, and every later import would wait for it.
/// The store's turns are transaction-level, so migrations, imports and the audit chain work through the pooler.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PgBouncerTests(PostgreSqlServer server) : IAsyncLifetime
{
    private ThrowawayPgBouncer bouncer = null!;
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        var direct = await server.CreateAsync(Path.GetTempPath());
        bouncer = await ThrowawayPgBouncer.StartAsync(direct.ConnectionString, "transaction", serverConnections: 4);
        store = await TestStore.CreateAsync(new FixedDatabase(StoreConnection.PostgreSql(bouncer.Through(direct.ConnectionString))));
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        await bouncer.DisposeAsync();
    }

    [Fact]
    public async Task Imports_from_two_portals_at_once_take_turns_round_after_round()
    {
        for (var i = 0; i < 20; i++)
        {
            store.Write($"letter-{i}.md", SyntheticLetters.Letter($"letter-{i}"));
        }

        var portals = Enumerable.Range(0, 2)
            .Select(_ => new LetterImporter(StoreSetup.CreateFactory(store.Connection), store.Clock, new StoreChanges()))
            .ToList();
        for (var round = 0; round < 5; round++)
        {
            if (round > 0)
            {
                store.Write("letter-0.md", SyntheticLetters.Letter("letter-0", sentence: $"Examplumab was studied in invented trial {round}."));
            }

            // A turn left behind on a pooled server session would make this wait forever.
            var reports = await Task.WhenAll(portals.Select(p => Task.Run(() => p.ImportAsync(store.Content))))
                .WaitAsync(TimeSpan.FromSeconds(60));

            Assert.All(reports, r => Assert.True(r.Written, string.Join('\n', r.Diagnostics)));
            Assert.Equal(round == 0 ? [0, 20] : [0, 0], reports.Select(r => r.NewLetters).Order());
            Assert.Equal(round == 0 ? [0, 0] : [0, 1], reports.Select(r => r.NewVersions).Order());
        }

        Assert.Equal(24, await store.CountAsync("LetterVersions"));
    }

    [Fact]
    public async Task Portals_starting_at_once_on_an_empty_database_migrate_it_once_through_the_pooler()
    {
        var empty = StoreConnection.PostgreSql(bouncer.Through((await server.CreateAsync(store.Directory)).ConnectionString));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => StoreSetup.MigrateAsync(StoreSetup.CreateFactory(empty)))))
            .WaitAsync(TimeSpan.FromMinutes(2));

        await using var db = await StoreSetup.CreateFactory(empty).CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Exports_from_two_portals_at_once_keep_one_unbroken_chain()
    {
        using var first = store.NewAuditTrail("portal-a");
        using var second = store.NewAuditTrail("portal-b");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).RecordAsync(
            new NewExport(NewExport.LetterKind, null, "web", [new ExportedLetter($"letter-{i}", 1, new string('a', 64))]), [(byte)i]))))
            .WaitAsync(TimeSpan.FromSeconds(60));

        var verification = await first.VerifyAsync();
        Assert.True(verification.Intact, string.Join('\n', verification.Problems));
        Assert.Equal(20, verification.Records);
    }

    private sealed class FixedDatabase(StoreConnection connection) : ITestDatabase
    {
        public Task<StoreConnection> CreateAsync(string directory) => Task.FromResult(connection);
    }
}
