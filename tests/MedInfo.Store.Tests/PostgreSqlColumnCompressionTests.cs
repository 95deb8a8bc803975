using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>
/// On PostgreSQL a version's large text is compressed with lz4 (pglz made the server the slow half of a large
/// import), and its model, compressed by the portal already, is stored as it is.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlColumnCompressionTests(PostgreSqlServer server)
{
    [Fact]
    public async Task A_version_s_source_is_stored_with_lz4_and_its_compressed_model_without_another_compression()
    {
        await using var store = await TestStore.CreateAsync(server);
        File.Copy(RepositoryPaths.SeedMarkdown, Path.Combine(store.Content, "seed.md"));
        Assert.True((await store.ImportAsync()).Written);

        await using var db = await store.Factory.CreateDbContextAsync();
        var stored = await db.Database.SqlQueryRaw<string>(
            """SELECT coalesce(pg_column_compression("SourceText"), 'none') || ' ' || coalesce(pg_column_compression("CompressedModel"), 'none') AS "Value" FROM "LetterVersions" """)
            .SingleAsync();

        Assert.Equal("lz4 none", stored);
    }
}
