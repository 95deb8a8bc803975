using MedInfo.Content.Tests.Extensions;
using MedInfo.Letters;

namespace MedInfo.Store.Tests;

/// <summary>
/// A figure's image is kept with the version that showed it, by its content: a changed image file makes a new
/// version while the old one keeps showing its own image; an unchanged one writes nothing; an image is handed
/// only to readers who may read a version that shows it. The same on every engine.
/// </summary>
public abstract class FigureStoreTests(ITestDatabase database) : IAsyncLifetime
{
    private const string LetterId = "zentravir-figure-letter";
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        WriteImage(FigureTests.Image(64, 48));
        store.Write("zentravir/letter.md", MedInfo.Content.Tests.SyntheticLetters.Letter(LetterId, audience: "patient").Replace(
            "## References", "::: figure invented-chart\n![A grey square, its left half blue](figures/chart.png)\nAn Invented Chart[@synth2020]\n:::\n\n## References", StringComparison.Ordinal));
        var report = await store.ImportAsync();
        Assert.True(report.Written, string.Join('\n', report.Diagnostics));
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private void WriteImage(byte[] bytes)
    {
        var path = Path.Combine(store.Content, "zentravir", "figures", "chart.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private async Task<FigureImage> FigureOfVersionAsync(int number) =>
        (await store.Catalog.GetVersionAsync(Readership.Public, LetterId, number))!.Letter.Figures.Single().Image;

    [Fact]
    public async Task A_version_keeps_its_own_image_after_the_file_changes()
    {
        var first = await FigureOfVersionAsync(1);
        var firstBytes = (await store.Catalog.GetFigureAsync(Readership.Public, LetterId, first.Sha256))!.Bytes;

        WriteImage(FigureTests.Image(64, 50)); // the text is unchanged; only the image is new
        var report = await store.ImportAsync();

        Assert.Equal(1, report.NewVersions);
        var second = await FigureOfVersionAsync(2);
        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.Equal(50, second.Height);
        Assert.Equal(firstBytes, (await store.Catalog.GetFigureAsync(Readership.Public, LetterId, first.Sha256))!.Bytes);
        Assert.Equal(first.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(firstBytes)));
        Assert.Equal("image/png", (await store.Catalog.GetFigureAsync(Readership.Public, LetterId, second.Sha256))!.MediaType);
    }

    [Fact]
    public async Task An_unchanged_letter_and_image_write_nothing_and_an_image_is_kept_once()
    {
        var report = await store.ImportAsync();

        Assert.Equal((0, 0, 1), (report.NewLetters, report.NewVersions, report.Unchanged));
        Assert.Equal(1, await store.CountAsync("FigureImages"));
    }

    [Fact]
    public async Task An_image_is_handed_out_only_for_a_letter_that_shows_it_to_a_reader_who_may_read_it()
    {
        var image = await FigureOfVersionAsync(1);

        Assert.Null(await store.Catalog.GetFigureAsync(Readership.Public, "another-letter", image.Sha256));
        Assert.Null(await store.Catalog.GetFigureAsync(Readership.Public, LetterId, new string('0', 64)));

        store.Write("zentravir/letter.md", File.ReadAllText(Path.Combine(store.Content, "zentravir", "letter.md")).Replace("type: patient", "type: hcp", StringComparison.Ordinal));
        await store.ImportAsync();
        var hcpImage = (await store.Catalog.GetVersionAsync(Readership.HealthcareProfessional, LetterId, 2))!.Letter.Figures.Single().Image;
        Assert.Equal(image.Sha256, hcpImage.Sha256); // the same image, now also in an HCP version: still public through version 1
        Assert.NotNull(await store.Catalog.GetFigureAsync(Readership.Public, LetterId, image.Sha256));

        WriteImage(FigureTests.Image(64, 52));
        await store.ImportAsync();
        var hcpOnly = (await store.Catalog.GetVersionAsync(Readership.HealthcareProfessional, LetterId, 3))!.Letter.Figures.Single().Image;
        Assert.Null(await store.Catalog.GetFigureAsync(Readership.Public, LetterId, hcpOnly.Sha256));
        Assert.NotNull(await store.Catalog.GetFigureAsync(Readership.HealthcareProfessional, LetterId, hcpOnly.Sha256));
    }

    public sealed class OnSqlite() : FigureStoreTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : FigureStoreTests(server);
}
