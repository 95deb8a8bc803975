using System.IO.Compression;
using MedInfo.Content.Tests;
using MedInfo.Content.Tests.Robustness;
using MedInfo.Letters;
using MedInfo.Store.Reading;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>
/// A version's model is kept compressed, so a large library takes a fraction of the room; a version imported
/// before (its model kept as plain JSON) reads exactly as it did. The same on every engine.
/// </summary>
public abstract class CompressedModelTests(ITestDatabase database) : IAsyncLifetime
{
    private const string LetterId = "quorvex-stored-model";
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        store.Write("letter.md", SyntheticLetters.Letter(LetterId, brand: "QUORVEX®", generic: "quorvimab"));
        File.Copy(RepositoryPaths.SeedMarkdown, Path.Combine(store.Content, "seed.md"));
        Assert.True((await store.ImportAsync()).Written);
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task A_new_version_keeps_its_model_compressed_to_a_fraction_of_its_json()
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        var stored = await db.LetterVersions.SingleAsync(v => v.SourcePath == "seed.md");

        Assert.Null(stored.ModelJson);
        Assert.NotNull(stored.CompressedModel);
        Assert.True(stored.CompressedModel.Length * 3 < Decompress(stored.CompressedModel).Length, $"{stored.CompressedModel.Length} bytes compressed");
    }

    [Fact]
    public async Task A_version_kept_as_plain_json_before_compression_reads_as_it_did()
    {
        var asImported = (await store.Catalog.GetCurrentAsync(Readership.HealthcareProfessional, LetterId))!.Letter;
        await using (var db = await store.Factory.CreateDbContextAsync())
        {
            // What an import before compression kept: the same serializer's JSON as text, and no compressed model.
            var stored = await db.LetterVersions.SingleAsync(v => v.LetterId == LetterId);
            stored.ModelJson = Decompress(stored.CompressedModel!);
            stored.CompressedModel = null;
            await db.SaveChangesAsync();
        }

        using var freshCatalog = new LetterCatalog(store.Factory, new StoreChanges());
        var read = (await freshCatalog.GetCurrentAsync(Readership.HealthcareProfessional, LetterId))!.Letter;

        Assert.Equal(LetterJson.WriteCompressed(asImported), LetterJson.WriteCompressed(read));
        Assert.Equal(asImported.Metadata.Title, read.Metadata.Title);
        Assert.Equal(asImported.References.Count, read.References.Count);
    }

    [Fact]
    public async Task A_letter_nested_as_deeply_as_the_reader_allows_is_stored_and_read_back()
    {
        // Lists are the deepest a model gets in JSON (a list, its items, an item, its blocks: four levels each).
        var body = "## Summary\n\n" + FoundByFuzzingTests.NestedList(LetterNesting.MaxDepth - 2);
        store.Write("deep.md", TestLetters.WithBody(body).Replace("zentravir-test-letter", "zentravir-deep-lists", StringComparison.Ordinal));
        var report = await store.ImportAsync();
        Assert.True(report.Written, string.Join('\n', report.Diagnostics));

        using var freshCatalog = new LetterCatalog(store.Factory, new StoreChanges());
        var read = (await freshCatalog.GetCurrentAsync(Readership.HealthcareProfessional, "zentravir-deep-lists"))!.Letter;

        Assert.Equal(LetterNesting.MaxDepth - 2, LetterWalker.Blocks(read.Sections[0].Blocks).OfType<BulletList>().Count());
    }

    private static string Decompress(byte[] compressed)
    {
        using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        return new StreamReader(brotli).ReadToEnd();
    }

    public sealed class OnSqlite() : CompressedModelTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : CompressedModelTests(server);
}
