using MedInfo.Pdf;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Hosting;

/// <summary>
/// Starts Chromium in the background as soon as the store is ready (<see cref="PdfOptions.StartWithPortal"/>), so
/// the first PDF a reader asks for prints at once instead of waiting seconds for the browser: Program.cs begins it
/// before the first import and the host's start, which it overlaps (hosts that skip Program.cs begin it when their
/// hosted services start). Start-up never waits for it, and a failure here is only logged: the next export starts
/// the browser itself and says what is wrong.
/// </summary>
internal sealed partial class PdfEngineStartup(
    ChromiumPdfEngine engine,
    IOptions<PdfOptions> options,
    ILogger<PdfEngineStartup> logger) : BackgroundService
{
    private readonly CancellationTokenSource stopping = new();
    private Task? starting;
    private bool disposed;

    /// <summary>Begins Chromium's start in the background, once; does nothing when it is not wanted or not installed.</summary>
    public void Begin()
    {
        if (starting is null && options.Value.StartWithPortal && engine.IsInstalled)
        {
            starting = Task.Run(() => StartEngineAsync(stopping.Token));
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Begin();
        return starting ?? Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!disposed)
        {
            await stopping.CancelAsync();
        }

        await base.StopAsync(cancellationToken);
    }

    // Registered as itself and as a hosted service (the same instance), so it can be disposed more than once.
    public override void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            stopping.Cancel();
            stopping.Dispose();
        }

        base.Dispose();
    }

    private async Task StartEngineAsync(CancellationToken cancellationToken)
    {
        try
        {
            await engine.StartAsync(cancellationToken);
            LogStarted();
        }
        catch (Exception e) when (e is PdfEngineUnavailableException or Microsoft.Playwright.PlaywrightException or TimeoutException or IOException)
        {
            LogNotStarted(e.Message);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The portal stopped (or never started) while the browser was starting: nothing to say.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium is ready for the first PDF.")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium did not start with the portal ({Reason}); the first PDF export will try again.")]
    private partial void LogNotStarted(string reason);
}
