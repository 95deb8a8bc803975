using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MedInfo.Store.Tests;

/// <summary>
/// A store from before the search rows became a plain table (SQLite's FTS5 table, PostgreSQL's table with a
/// tsvector) keeps its rows through the upgrade: the portals' indexes are rebuilt from them.
/// </summary>
public abstract class SearchRowsMigrationTests(ITestDatabase database)
{
    [Fact]
    public async Task The_search_rows_of_an_older_store_are_kept_by_the_upgrade()
    {
        var directory = Directory.CreateTempSubdirectory("medinfo-upgrade-").FullName;
        var factory = StoreSetup.CreateFactory(await database.CreateAsync(directory));
        await using (var db = await factory.CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_PlainSearchRows", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? """INSERT INTO "LetterSearch" VALUES (42, 'older-letter', 'An older title', 'ZENTRAVIR examplumab', 'A summary.', 'A body.', 'keyword', to_tsvector('simple', 'an older title'))"""
                : "INSERT INTO LetterSearch (rowid, LetterId, Title, Products, Summary, Body, Keywords) VALUES (42, 'older-letter', 'An older title', 'ZENTRAVIR examplumab', 'A summary.', 'A body.', 'keyword')");
        }

        await StoreSetup.MigrateAsync(factory);

        await using (var db = await factory.CreateDbContextAsync())
        {
            var row = await db.Database.SqlQueryRaw<string>("""SELECT "Title" AS "Value" FROM "LetterSearch" WHERE "VersionId" = 42""").SingleAsync();
            Assert.Equal("An older title", row);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    public sealed class OnSqlite() : SearchRowsMigrationTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : SearchRowsMigrationTests(server);
}
