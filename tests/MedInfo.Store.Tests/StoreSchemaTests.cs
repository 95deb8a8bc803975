using MedInfo.Letters;

namespace MedInfo.Store.Tests;

/// <summary>The schema's behaviour on every engine: migrations that can run again, searches that take any text.</summary>
public abstract class StoreSchemaTests(ITestDatabase database)
{
    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var store = await TestStore.CreateAsync(database);

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
    [InlineData("a & b | !c:* <-> d")]
    [InlineData("½ ² ٣ 𝐀")]
    public async Task Any_text_a_person_types_is_a_safe_search(string text)
    {
        await using var store = await TestStore.CreateAsync(database);
        store.Write("a.md", SyntheticLetters.Letter("letter-a"));
        await store.ImportAsync();

        var hits = await store.Search.SearchAsync(Readership.HealthcareProfessional, text);

        Assert.NotNull(hits);
        Assert.Equal(1, await store.CountAsync("Letters"));
    }

    public sealed class OnSqlite() : StoreSchemaTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : StoreSchemaTests(server);
}
