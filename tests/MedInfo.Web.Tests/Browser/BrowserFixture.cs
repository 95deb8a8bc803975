using MedInfo.Content.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>
/// The portal on a real Kestrel port and Debian's Chromium driven by Playwright (no browser download:
/// ExecutablePath points at /usr/bin/chromium, or $MEDINFO_CHROMIUM).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Collection = "browser";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    public PortalFactory Portal { get; } = new TestLettersPortalFactory();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots")).FullName;

    public static string AxeScript { get; } = Path.Combine(RepositoryPaths.Root, "tests", "MedInfo.Web.Tests", "Browser", "axe", "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("MEDINFO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}. Install Debian's package (apt-get install chromium) or run ./scripts/setup.sh as root.");
        }

        BaseUrl = StartOnKestrel(Portal);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>Starts a portal on a free local port for the browser to reach; returns its address.</summary>
    public static string StartOnKestrel(PortalFactory portal)
    {
        portal.UseKestrel(0);
        portal.StartServer();
        return portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>
    /// A fresh browser context; with <paramref name="asProfessional"/> the HCP notice is already confirmed. The
    /// fixture's portal unless <paramref name="baseUrl"/> names another.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool asProfessional = true, bool bypassCsp = false, int width = 1366, int height = 900, string? baseUrl = null)
    {
        baseUrl ??= BaseUrl;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        if (asProfessional)
        {
            await context.AddCookiesAsync([new Cookie { Name = "medinfo-hcp", Value = "yes", Url = baseUrl }]);
        }

        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>One element (a table, a card) at full resolution, for reviewing a detail.</summary>
    public static Task ScreenshotAsync(ILocator element, string name) =>
        element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}

[CollectionDefinition(BrowserFixture.Collection)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
