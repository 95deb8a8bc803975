using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>What only the SQLite file has: its journal mode, its search rows in a plain table, its connections' cache.</summary>
public sealed class SqliteSchemaTests
{
    [Fact]
    public async Task A_new_store_is_created_by_migrations_in_WAL_mode_with_the_search_table()
    {
        await using var store = await TestStore.CreateAsync();

        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync();
        Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal("InitialCreate", ((string)(await Scalar(connection, "SELECT MigrationId FROM __EFMigrationsHistory"))!)[15..]);
        Assert.Equal("table", await Scalar(connection, "SELECT type FROM sqlite_master WHERE name = 'LetterSearch'"));
        Assert.DoesNotContain("fts5", (string)(await Scalar(connection, "SELECT sql FROM sqlite_master WHERE name = 'LetterSearch'"))!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_connection_the_store_opens_keeps_a_small_page_cache_also_when_reused_from_the_pool()
    {
        await using var store = await TestStore.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var db = await store.Factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(-512L, await Scalar((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA cache_size"));
        }
    }

    // The first import into an empty store writes under the rollback journal (SqliteFirstLoad); readers of every
    // later import rely on WAL, so the store must be back in it however the first import ends.
    [Fact]
    public async Task The_first_import_into_a_new_store_leaves_it_in_WAL_with_every_letter()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("a.md", SyntheticLetters.Letter("first-load-a"));
        store.Write("b.md", SyntheticLetters.Letter("first-load-b"));

        var report = await store.ImportAsync();

        Assert.True(report.Written);
        Assert.Equal(("wal", 2L), await JournalAndLettersAsync(store));
        Assert.False(File.Exists(store.DatabasePath + "-journal"));
    }

    [Fact]
    public async Task A_failed_first_import_leaves_the_new_store_empty_and_in_WAL()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("a.md", SyntheticLetters.Letter("first-load-a"));
        store.Write("b.md", SyntheticLetters.Letter("first-load-b", sentence: "Broken[@nosuchref]."));

        var report = await store.ImportAsync();

        Assert.False(report.Written);
        Assert.Equal(("wal", 0L), await JournalAndLettersAsync(store));
    }

    [Fact]
    public async Task A_first_import_while_another_process_has_the_store_open_runs_under_WAL_and_that_reader_sees_the_letters()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("a.md", SyntheticLetters.Letter("first-load-a"));
        await using var reader = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
        await reader.OpenAsync();
        Assert.Equal(0L, await Scalar(reader, "SELECT count(*) FROM Letters"));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await store.ImportAsync();

        Assert.True(report.Written);
        // Refused at once: not after a busy wait of the command timeout (30 s), as a retried statement would be.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the import took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(1L, await Scalar(reader, "SELECT count(*) FROM Letters"));
        Assert.Equal("wal", await Scalar(reader, "PRAGMA journal_mode"));
    }

    /// <summary>The store's journal mode and letter count, as a new connection of another process would see them.</summary>
    private static async Task<(string? Journal, long Letters)> JournalAndLettersAsync(TestStore store)
    {
        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return ((string?)await Scalar(connection, "PRAGMA journal_mode"), (long)(await Scalar(connection, "SELECT count(*) FROM Letters"))!);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
