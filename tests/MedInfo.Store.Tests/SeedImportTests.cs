using MedInfo.Content.Tests;
using MedInfo.Letters;

namespace MedInfo.Store.Tests;

/// <summary>After importing content/, the store holds the seed letter whole.</summary>
public abstract class SeedImportTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        File.Copy(RepositoryPaths.SeedMarkdown, Path.Combine(store.Content, "poems-syndrome.md"));
        var report = await store.ImportAsync();
        Assert.True(report.Written, string.Join('\n', report.Diagnostics));
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task The_seed_letter_is_stored_with_its_13_references_in_order()
    {
        var letter = (await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "darzalex-poems-syndrome"))!.Letter;

        Assert.Equal(Enumerable.Range(1, 13), letter.References.Select(r => r.Number));
        Assert.StartsWith("Dima D, Valent J, Khouri J.", letter.References[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Mutlu Y, Aydin BB", letter.References[12].Text, StringComparison.Ordinal);
        Assert.Equal(13, await store.CountAsync("References"));
    }

    [Fact]
    public async Task Its_three_tables_come_back_from_the_store_with_spans_and_indents()
    {
        var letter = (await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, "darzalex-poems-syndrome"))!.Letter;
        var fromFile = TestLetters.ReadValid(await File.ReadAllTextAsync(RepositoryPaths.SeedMarkdown));

        var tables = letter.Tables.ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(2, tables[0].HeaderRows[1].Cells[0].ColumnSpan);
        Assert.Equal(2, tables[0].HeaderRows[0].Cells[0].RowSpan);
        Assert.Equal(
            fromFile.Tables.SelectMany(t => t.BodyRows).Select(r => (r.Indent, r.Cells.Count, string.Join('|', r.Cells.Select(c => $"{LetterPlainText.Text(c.Content)}/{c.ColumnSpan}")))),
            tables.SelectMany(t => t.BodyRows).Select(r => (r.Indent, r.Cells.Count, string.Join('|', r.Cells.Select(c => $"{LetterPlainText.Text(c.Content)}/{c.ColumnSpan}")))));
        Assert.Equal(LetterPlainText.Render(fromFile), LetterPlainText.Render(letter));
    }

    [Theory]
    [InlineData("POEMS")]
    [InlineData("daratumumab")]
    [InlineData("Darzalex")]
    [InlineData("DARZALEX FASPRO")]
    [InlineData("hyaluronidase")]
    [InlineData("darat")]
    public async Task Its_products_are_searchable_by_brand_and_generic_name(string query)
    {
        var hits = await store.Search.SearchAsync(Readership.HealthcareProfessional, query);

        Assert.Equal("darzalex-poems-syndrome", Assert.Single(hits).LetterId);
    }

    [Fact]
    public async Task Products_are_stored_once_each_by_brand()
    {
        Assert.Equal(2, await store.CountAsync("Products"));
        Assert.Equal(2, await store.CountAsync("LetterVersionProducts"));
    }

    [Fact]
    public async Task Products_list_A_to_Z_with_a_brand_before_its_longer_namesakes()
    {
        var products = await store.Catalog.ListProductsAsync(Readership.HealthcareProfessional);

        Assert.Equal(["DARZALEX®", "DARZALEX FASPRO®"], products.Select(p => p.Brand));
        Assert.Equal("daratumumab", products[0].Generic);
    }

    public sealed class OnSqlite() : SeedImportTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : SeedImportTests(server);
}
