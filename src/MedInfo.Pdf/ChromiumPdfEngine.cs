using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace MedInfo.Pdf;

/// <summary>
/// Prints HTML to PDF in headless Chromium. One browser per process, started on first use and started again if it
/// dies; at most <see cref="PdfOptions.MaxConcurrency"/> documents at once, the rest queue with a timeout. The
/// print pages (kept warm, one per slot) run no script and every request they make is aborted: a document carries
/// all it needs inline.
/// </summary>
public sealed class ChromiumPdfEngine : IAsyncDisposable
{
    // Flags Debian's Chromium needs here: as root (no sandbox), without a GPU, and with no calls home, which a
    // closed network refuses many times over. The print page must reach no server at all: besides aborting every
    // request (below), all traffic, loopback included, is sent to a proxy that does not exist, so not even a
    // speculative preconnect leaves the process.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--disable-extensions",
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];

    private readonly PdfOptions options;
    private readonly ILogger<ChromiumPdfEngine> logger;
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim launching = new(1, 1);
    private readonly ConcurrentStack<PrintPage> idlePages = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public ChromiumPdfEngine(IOptions<PdfOptions> options, ILogger<ChromiumPdfEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        slots = new SemaphoreSlim(Math.Max(1, this.options.MaxConcurrency));
    }

    /// <summary>The running browser, if any (tests close it to check that the engine starts another).</summary>
    internal IBrowser? CurrentBrowser => browser;

    /// <summary>Whether Chromium is running now (started by a print or by <see cref="StartAsync"/>).</summary>
    public bool IsRunning => browser is { IsConnected: true };

    /// <summary>
    /// Starts Chromium and readies one print page, as the first print would: most of the first PDF's wait.
    /// Nothing when Chromium is not installed (the health check says so; an export says how to install it).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!IsInstalled)
        {
            return;
        }

        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            idlePages.Push(await TakePageAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Whether the Chromium binary is where the options say (for health checks and clear errors).</summary>
    public bool IsInstalled => File.Exists(options.ChromiumPath);

    /// <summary>The advice shown when Chromium is missing.</summary>
    public string InstallAdvice =>
        $"PDF export needs Chromium, which was not found at {options.ChromiumPath}. Install Debian's package " +
        $"(apt-get install chromium) or set {MedInfo.Store.MedInfoEnvironment.Chromium} to a Chromium binary.";

    public async Task<byte[]> PrintAsync(string html, PageFrame frame, DocumentInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(info);
        if (!await slots.WaitAsync(options.QueueTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new PdfEngineBusyException($"Every PDF slot stayed busy for {options.QueueTimeout.TotalSeconds:0} s. Please try again in a minute.", TimeSpan.FromSeconds(30));
        }

        try
        {
            var print = await TakePageAsync(cancellationToken).ConfigureAwait(false);
            byte[] pdf;
            try
            {
                var timeout = (float)options.RenderTimeout.TotalMilliseconds;
                await print.Page.SetContentAsync(html, new PageSetContentOptions { Timeout = timeout, WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
                await print.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print }).ConfigureAwait(false);
                pdf = await print.Page.PdfAsync(frame.ToPdfOptions()).WaitAsync(options.RenderTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // A page that failed or timed out may be in any state: its context goes, a fresh one comes next time.
                await CloseQuietlyAsync(print.Page).ConfigureAwait(false);
                throw;
            }

            // Kept only after a print that went well (a failed page is dropped), and only for so many documents.
            if (print.Prints + 1 < options.PrintsPerPage)
            {
                idlePages.Push(print with { Prints = print.Prints + 1 });
            }
            else
            {
                await CloseQuietlyAsync(print.Page).ConfigureAwait(false);
            }

            return info.ApplyTo(pdf);
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            await page.Context.CloseAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The browser is already gone; nothing left to close.
        }
    }

    /// <summary>
    /// A print page from the pool, or a new one. A new browser context starts a renderer process, which cost more
    /// than the print itself, so each slot's page is kept and its content replaced by the next document, for
    /// <see cref="PdfOptions.PrintsPerPage"/> documents. Pages of a browser that has since died are dropped.
    /// </summary>
    private async Task<PrintPage> TakePageAsync(CancellationToken cancellationToken)
    {
        var chromium = await BrowserAsync(cancellationToken).ConfigureAwait(false);
        while (idlePages.TryPop(out var pooled))
        {
            if (!pooled.Page.IsClosed && pooled.Page.Context.Browser == chromium)
            {
                return pooled;
            }
        }

        var context = await chromium.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }).ConfigureAwait(false);
        await context.RouteAsync("**/*", route => route.AbortAsync()).ConfigureAwait(false);
        return new PrintPage(await context.NewPageAsync().ConfigureAwait(false), 0);
    }

    /// <summary>A print page and how many documents it has printed.</summary>
    private sealed record PrintPage(IPage Page, int Prints);

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (browser is { IsConnected: true } running)
        {
            return running;
        }

        await launching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (browser is { IsConnected: true } started)
            {
                return started;
            }

            if (!IsInstalled)
            {
                throw new PdfEngineUnavailableException(InstallAdvice);
            }

            if (browser is not null)
            {
                logger.LogWarning("Chromium stopped; starting it again.");
                await browser.DisposeAsync().ConfigureAwait(false);
            }

            playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            try
            {
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = options.ChromiumPath,
                    Headless = true,
                    Args = ChromiumArguments,
                }).ConfigureAwait(false);
            }
            catch (PlaywrightException e)
            {
                throw new PdfEngineUnavailableException($"Chromium at {options.ChromiumPath} did not start: {e.Message.Split('\n')[0]}", e);
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Chromium {Version} started for PDF export.", browser.Version);
            }

            return browser;
        }
        finally
        {
            launching.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync().ConfigureAwait(false);
        }

        playwright?.Dispose();
        slots.Dispose();
        launching.Dispose();
    }
}
