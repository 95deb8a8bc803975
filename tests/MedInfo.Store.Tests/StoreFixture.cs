using MedInfo.Import;
using MedInfo.Store.Reading;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>
/// A fresh, migrated store (a real SQLite file in a temporary folder, or a new PostgreSQL database) and a content
/// folder to import from.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string directory, StoreConnection connection, IDbContextFactory<MedInfoDb> factory)
    {
        Directory = directory;
        Connection = connection;
        Factory = factory;
        Content = System.IO.Directory.CreateDirectory(Path.Combine(directory, "content")).FullName;
        Clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        Importer = new LetterImporter(factory, Clock, Changes);
        Catalog = new LetterCatalog(factory, Changes);
        Index = new Search.LetterIndex(factory, Changes, Microsoft.Extensions.Options.Options.Create(new Search.SearchOptions()));
        Search = new Search.LetterSearch(Index);
    }

    public string Directory { get; }

    public StoreConnection Connection { get; }

    public string Content { get; }

    public IDbContextFactory<MedInfoDb> Factory { get; }

    public ManualClock Clock { get; }

    /// <summary>What the importer tells the catalog, as in one portal.</summary>
    public StoreChanges Changes { get; } = new();

    public LetterImporter Importer { get; }

    public LetterCatalog Catalog { get; }

    public Search.LetterSearch Search { get; }

    /// <summary>This store's search index, as one portal keeps it.</summary>
    public Search.LetterIndex Index { get; }

    public string DatabasePath => Path.Combine(Directory, StoreLocation.FileName);

    /// <summary>The data-protection keys of this test store (in memory), as a portal's key ring would seal its checkpoint.</summary>
    public Microsoft.AspNetCore.DataProtection.IDataProtectionProvider Protection { get; } = new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider();

    /// <summary>An audit trail as a portal with its own data folder (<paramref name="portal"/>, under this store's folder) keeps it.</summary>
    public Audit.AuditTrail NewAuditTrail(string portal = "portal") =>
        new(Factory, Clock, new Audit.AuditCheckpoint(Path.Combine(Directory, portal, Audit.AuditCheckpoint.FileName), Protection));

    /// <summary>A request desk as a portal with its own data folder keeps it (its request log sealed beside it).</summary>
    public Requests.RequestDesk NewRequestDesk(string portal = "portal", Requests.RequestOptions? options = null) =>
        new(Factory, NewRequestLog(portal), Microsoft.Extensions.Options.Options.Create(options ?? new Requests.RequestOptions()), Clock);

    public Delivery.SecureLinks NewSecureLinks(Requests.RequestDesk desk, int days = 30) =>
        new(Factory, desk, Microsoft.Extensions.Options.Options.Create(new Delivery.DeliveryOptions { LinkDays = days }), Clock);

    public Requests.RequestLog NewRequestLog(string portal = "portal") =>
        new(Factory, new Audit.AuditCheckpoint(Path.Combine(Directory, portal, Requests.RequestLog.CheckpointFileName), Protection, Requests.RequestLog.Subject));

    public static async Task<TestStore> CreateAsync(ITestDatabase? database = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("medinfo-store-").FullName;
        var connection = await (database ?? SqliteTestDatabase.Instance).CreateAsync(directory);
        var factory = StoreSetup.CreateFactory(connection);
        await StoreSetup.MigrateAsync(factory);
        return new TestStore(directory, connection, factory);
    }

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Content, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public Task<ImportReport> ImportAsync() => Importer.ImportAsync(Content);

    public async Task<int> CountAsync(string table)
    {
        await using var db = await Factory.CreateDbContextAsync();
        // Table names cannot be parameters; these are the tests' own constants.
        var sql = string.Concat("SELECT CAST(COUNT(*) AS integer) AS \"Value\" FROM \"", table, "\"");
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    /// <summary>How many rows of <paramref name="table"/> hold <paramref name="value"/> in <paramref name="column"/> (names are the tests' own constants).</summary>
    public async Task<int> CountRowsWhereAsync(string table, string column, string value)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var sql = string.Concat("SELECT CAST(COUNT(*) AS integer) AS \"Value\" FROM \"", table, "\" WHERE \"", column, "\" = {0}");
        return await db.Database.SqlQueryRaw<int>(sql, value).SingleAsync();
    }

    /// <summary>Runs SQL as someone going around the app would, straight at the database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public ValueTask DisposeAsync()
    {
        Search.Dispose();
        Index.Dispose();
        Catalog.Dispose();
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
