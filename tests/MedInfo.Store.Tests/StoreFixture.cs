using MedInfo.Store.Import;
using MedInfo.Store.Reading;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>A fresh store in a temporary folder (a real SQLite file, migrated), and a content folder to import from.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string directory, IDbContextFactory<MedInfoDb> factory)
    {
        Directory = directory;
        Factory = factory;
        Content = System.IO.Directory.CreateDirectory(Path.Combine(directory, "content")).FullName;
        Clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        Importer = new LetterImporter(factory, Clock);
        Catalog = new LetterCatalog(factory);
        Search = new Search.LetterSearch(factory);
    }

    public string Directory { get; }

    public string Content { get; }

    public IDbContextFactory<MedInfoDb> Factory { get; }

    public ManualClock Clock { get; }

    public LetterImporter Importer { get; }

    public LetterCatalog Catalog { get; }

    public Search.LetterSearch Search { get; }

    public string DatabasePath => Path.Combine(Directory, StoreLocation.FileName);

    public static async Task<TestStore> CreateAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("medinfo-store-").FullName;
        var factory = StoreSetup.CreateFactory(StoreLocation.ConnectionString(directory));
        await StoreSetup.MigrateAsync(factory);
        return new TestStore(directory, factory);
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
        var sql = string.Concat("SELECT COUNT(*) AS Value FROM \"", table, "\"");
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
