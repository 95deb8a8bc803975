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

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
