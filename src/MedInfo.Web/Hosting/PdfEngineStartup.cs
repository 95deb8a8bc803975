using MedInfo.Pdf;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Hosting;

/// <summary>
/// Starts Chromium in the background once the portal is up (<see cref="PdfOptions.StartWithPortal"/>), so the first
/// PDF a reader asks for prints at once instead of waiting seconds for the browser. Start-up never waits for it,
/// and a failure here is only logged: the next export starts the browser itself and says what is wrong.
/// </summary>
internal sealed partial class PdfEngineStartup(
    ChromiumPdfEngine engine,
    IOptions<PdfOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<PdfEngineStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.StartWithPortal || !engine.IsInstalled)
        {
            return;
        }

        // Readers first: the browser starts once the server listens.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            await engine.StartAsync(stoppingToken);
            LogStarted();
        }
        catch (Exception e) when (e is PdfEngineUnavailableException or Microsoft.Playwright.PlaywrightException or TimeoutException or IOException)
        {
            LogNotStarted(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium is ready for the first PDF.")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium did not start with the portal ({Reason}); the first PDF export will try again.")]
    private partial void LogNotStarted(string reason);
}
