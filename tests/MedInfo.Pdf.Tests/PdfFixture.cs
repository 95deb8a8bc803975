using MedInfo.Content.Tests;
using MedInfo.Pdf;
using MedInfo.Store;
using MedInfo.Store.Audit;
using MedInfo.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Pdf.Tests;

/// <summary>
/// A store holding content/, tests/letters and one synthetic letter (invented product), and the PDF services over it, as the
/// portal wires them. One Chromium for the whole test class collection.
/// </summary>
public sealed class PdfFixture : IAsyncLifetime
{
    public const string Collection = "pdf";

    public const string SyntheticId = "zentravir-invented-use";

    public string Root { get; } = Directory.CreateTempSubdirectory("medinfo-pdf-").FullName;

    public ServiceProvider Services { get; private set; } = null!;

    public PdfExports Exports => Services.GetRequiredService<PdfExports>();

    public AuditTrail Audit => Services.GetRequiredService<AuditTrail>();

    public string DataDirectory => Path.Combine(Root, "data");

    public string CacheDirectory => PdfOptions.CacheDirectoryIn(DataDirectory);

    public async Task InitializeAsync()
    {
        var content = Path.Combine(Root, "content");
        // content/ and the synthetic letters of tests/letters (their figures' images are printed from the store).
        foreach (var folder in new[] { RepositoryPaths.Content, RepositoryPaths.TestLetters })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(content, Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(content, "synthetic.md"), SyntheticLetters.Letter(SyntheticId));
        var services = new ServiceCollection().AddLogging();
        services.AddMedInfoStore(DataDirectory).AddMedInfoImport();
        services.AddMedInfoPdf(o =>
        {
            o.CacheDirectory = CacheDirectory;
            o.CoverLetterTemplatePath = Path.Combine(content, "templates", "cover-letter.md");
        });
        Services = services.BuildServiceProvider();
        await StoreSetup.MigrateAsync(Services.GetRequiredService<IDbContextFactory<MedInfoDb>>());
        var report = await Services.GetRequiredService<LetterImporter>().ImportAsync(content);
        Assert.True(report.Written, string.Join('\n', report.Diagnostics));
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}

[CollectionDefinition(PdfFixture.Collection)]
public sealed class PdfCollection : ICollectionFixture<PdfFixture>;
