using MedInfo.Store;
using MedInfo.Store.Audit;
using MedInfo.Import;
using MedInfo.Store.Reading;
using MedInfo.Web.Components.Pages.Editing;
using MedInfo.Web.Components.Pages.Letter;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Web.Hosting;

/// <summary>
/// Before the portal serves its first request: creates or migrates the store, checks the audit trail against its
/// checkpoint, and imports content/ when the store is empty. In Development it then watches content/ and
/// re-imports on every change, so an editor sees an edit on reload. A failed import is logged as errors with file
/// and line, changes nothing, and makes /healthz say Degraded.
/// </summary>
internal sealed partial class ContentStartup(
    IServiceProvider services,
    StoreConnection store,
    LetterImporter importer,
    LetterCatalog catalog,
    AuditTrail audit,
    MedInfo.Store.Requests.RequestLog requestLog,
    ContentImportStatus status,
    Microsoft.Extensions.Options.IOptions<PortalOptions> settings,
    IHostEnvironment environment,
    ILogger<ContentStartup> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim importing = new(1, 1);
    private FileSystemWatcher? watcher;
    private Timer? debounce;
    private bool prepared;
    private bool storeChecked;
    private readonly PortalOptions options = settings.Value;

    /// <summary>
    /// Readies the store. Program.cs calls it before the host starts, so a store that cannot be used ends start-up
    /// with one line (no host error with a stack trace); hosts that skip Program.cs (tests) get it in StartAsync.
    /// </summary>
    /// <exception cref="StoreProblemException">The store cannot be used as it is; the message says why.</exception>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (prepared)
        {
            return;
        }

        await CheckStoreAsync(cancellationToken);
        if (await catalog.IsEmptyAsync(cancellationToken))
        {
            await ImportAsync(cancellationToken);
        }

        prepared = true;
    }

    /// <summary>
    /// The first part of <see cref="PrepareAsync"/>: the store created or migrated, its audit trail checked against
    /// the checkpoints. Once it passes the portal is going to start (what is left cannot stop it).
    /// </summary>
    /// <exception cref="StoreProblemException">The store cannot be used as it is; the message says why.</exception>
    public async Task CheckStoreAsync(CancellationToken cancellationToken)
    {
        if (storeChecked)
        {
            return;
        }

        LogStore(store.Description);
        await StoreSetup.PrepareAsync(services, cancellationToken);
        await audit.CheckAgainstCheckpointAsync(cancellationToken);
        await requestLog.CheckAgainstCheckpointAsync(cancellationToken);
        storeChecked = true;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        if (environment.IsDevelopment() && Directory.Exists(options.ContentDirectory))
        {
            Watch(options.ContentDirectory!);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        watcher?.Dispose();
        debounce?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        debounce?.Dispose();
        importing.Dispose();
    }

    private async Task ImportAsync(CancellationToken cancellationToken)
    {
        await importing.WaitAsync(cancellationToken);
        try
        {
            var report = await importer.ImportAsync(options.ContentDirectory!, cancellationToken: cancellationToken);
            status.Record(report);
            foreach (var diagnostic in report.Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    LogError(diagnostic.ToString());
                }
                else
                {
                    LogWarning(diagnostic.ToString());
                }
            }

            if (report.Written)
            {
                LogImported(options.ContentDirectory!, report.Summary);
            }
            else
            {
                LogImportFailed(options.ContentDirectory!, report.Summary);
            }
        }
        finally
        {
            importing.Release();
        }
    }

    private void Watch(string directory)
    {
        // Editors' tools write a file in several steps; wait for a quiet half second before importing.
        debounce = new Timer(_ => _ = ImportQuietlyAsync(), null, Timeout.Infinite, Timeout.Infinite);
        // Every file, not only letters: a figure's image changed alone makes a new version too.
        watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        FileSystemEventHandler changed = (_, _) => debounce.Change(500, Timeout.Infinite);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => debounce.Change(500, Timeout.Infinite);
    }

    private async Task ImportQuietlyAsync()
    {
        try
        {
            await ImportAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or DbUpdateException)
        {
            LogWatchFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Store}")]
    private partial void LogStore(string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private partial void LogWarning(string diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Diagnostic}")]
    private partial void LogError(string diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content import from {Directory} failed: {Summary}")]
    private partial void LogImportFailed(string directory, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content import from {Directory}: {Summary}")]
    private partial void LogImported(string directory, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-import after a content change failed; the published letters are unchanged.")]
    private partial void LogWatchFailed(Exception exception);
}
