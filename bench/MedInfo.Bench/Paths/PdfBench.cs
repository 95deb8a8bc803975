using MedInfo.Letters;
using System.Diagnostics;
using MedInfo.Pdf;
using MedInfo.Rendering.Print;
using MedInfo.Store;
using MedInfo.Import;
using MedInfo.Store.Reading;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The seed letter's PDF: cold (the engine's first print, Chromium start included), warm (a print with the browser
/// running), cached (the same version again); peer: bare Playwright page.PdfAsync of the same HTML.
/// </summary>
public static class PdfBench
{
    private const int Repeats = 5;

    private static readonly PageFrame Frame = new("DARZALEX FASPRO® (daratumumab and hyaluronidase-fihj)", "For US healthcare professionals only.");

    public static async Task RunAsync(Workspace workspace, string repository, Report report)
    {
        var (provider, version, html) = await SeedLetterAsync(workspace, repository, "store-pdf");
        await using var _ = provider;
        var engine = provider.GetRequiredService<ChromiumPdfEngine>();
        var exports = provider.GetRequiredService<PdfExports>();
        var frame = Frame;
        var info = new DocumentInfo("t", "a", "s", []);

        var clock = Stopwatch.StartNew();
        await engine.PrintAsync(html, frame, info);
        var cold = clock.Elapsed.TotalMilliseconds;
        var warm = await MedianAsync(() => engine.PrintAsync(html, frame, info));
        await exports.LetterPdfAsync(version); // fills the cache
        var cached = await MedianAsync(() => exports.LetterPdfAsync(version), 20);
        var peer = await BarePlaywrightAsync(html);

        report.Add(new BenchRow("PDF of the seed letter, cold (Chromium start)", Report.Ms(cold), string.Empty, string.Empty, "< 3 s", cold < 3000));
        report.Add(new BenchRow("PDF of the seed letter, warm", Report.Ms(warm), $"bare page.PdfAsync {Report.Ms(peer)}", Report.Times(warm / peer) + " time", "<= 1.2x bare", warm / peer <= 1.2));
        report.Add(new BenchRow("PDF of the seed letter, cached", Report.Ms(cached), string.Empty, string.Empty, "< 5 ms", cached < 5));
        SqliteConnection.ClearAllPools();

        foreach (var (when, wait) in new[] { ("as soon as /healthz answers", TimeSpan.Zero), ("5 s after /healthz answers", TimeSpan.FromSeconds(5)) })
        {
            var first = await FirstFromPortalAsync(workspace, repository, wait);
            report.Add(new BenchRow($"PDF of the seed letter, first from a new portal, asked {when}", Report.Ms(first),
                $"the engine's cold print {Report.Ms(cold)}", Report.Times(first / cold) + " time", "< 1.5 s", first < 1500));
        }
    }

    /// <summary>
    /// A reader's first PDF from a portal just started (Production, the Release build): the portal starts Chromium
    /// in the background once it is up, so this waits only for what is left of that start.
    /// </summary>
    private static async Task<double> FirstFromPortalAsync(Workspace workspace, string repository, TimeSpan wait)
    {
        var data = workspace.Path("store-pdf-portal");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        await using var portal = await BenchPortal.StartAsync(repository, data, Path.Combine(repository, "content"), 5096);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        await Task.Delay(wait);
        var clock = Stopwatch.StartNew();
        var pdf = await http.GetByteArrayAsync(portal.Url + "/letters/darzalex-poems-syndrome/pdf");
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return pdf.Length > 1000 ? elapsed : throw new InvalidOperationException("the portal's first PDF was not a PDF");
    }

    /// <summary>
    /// The PDF services on a store of their own (<paramref name="folder"/> in the workspace) with content/ imported,
    /// and the seed letter's current version with its print HTML.
    /// </summary>
    internal static async Task<(ServiceProvider Provider, LetterVersionView Version, string Html)> SeedLetterAsync(Workspace workspace, string repository, string folder)
    {
        var data = workspace.Path(folder);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var services = new ServiceCollection().AddLogging();
        services.AddMedInfoStore(data).AddMedInfoImport();
        services.AddMedInfoPdf(o => o.CacheDirectory = PdfOptions.CacheDirectoryIn(data));
        var provider = services.BuildServiceProvider();
        await StoreSetup.MigrateAsync(provider.GetRequiredService<IDbContextFactory<MedInfoDb>>());
        await provider.GetRequiredService<LetterImporter>().ImportAsync(Path.Combine(repository, "content"));
        var version = (await provider.GetRequiredService<LetterCatalog>().GetCurrentAsync(Readership.HealthcareProfessional, "darzalex-poems-syndrome"))!;
        return (provider, version, await provider.GetRequiredService<PrintRenderer>().RenderLetterAsync(version.Letter));
    }

    private static async Task<double> BarePlaywrightAsync(string html)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = new PdfOptions().ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        return await MedianAsync(async () =>
        {
            await page.SetContentAsync(html);
            // The same output as ours (page size, margins, header and footer, tagged, outline), so the ratio is
            // what our engine adds: the queue, the aborted requests, the document info.
            return await page.PdfAsync(Frame.ToPdfOptions());
        });
    }

    private static async Task<double> MedianAsync(Func<Task<byte[]>> run, int repeats = Repeats)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
