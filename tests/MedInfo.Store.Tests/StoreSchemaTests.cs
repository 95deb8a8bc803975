using Microsoft.Data.Sqlite;

namespace MedInfo.Store.Tests;

public sealed class StoreSchemaTests
{
    [Fact]
    public async Task A_new_store_is_created_by_migrations_in_WAL_mode_with_the_search_table()
    {
        await using var store = await TestStore.CreateAsync();

        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync();
        Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal("InitialCreate", ((string)(await Scalar(connection, "SELECT MigrationId FROM __EFMigrationsHistory"))!)[15..]);
        Assert.NotNull(await Scalar(connection, "SELECT name FROM sqlite_master WHERE name = 'LetterSearch'"));
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var store = await TestStore.CreateAsync();

        await StoreSetup.MigrateAsync(store.Factory);

        Assert.Equal(0, await store.CountAsync("Letters"));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("(daratumumab")]
    [InlineData("a AND OR NOT")]
    [InlineData("-minus *star* NEAR(x y)")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("'; DROP TABLE Letters; --")]
    public async Task Any_text_a_person_types_is_a_safe_search(string text)
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("a.md", SyntheticLetters.Letter("letter-a"));
        await store.ImportAsync();

        var hits = await store.Search.SearchAsync(text);

        Assert.NotNull(hits);
        Assert.Equal(1, await store.CountAsync("Letters"));
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
