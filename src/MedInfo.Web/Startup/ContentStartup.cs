using MedInfo.Store;
using MedInfo.Store.Import;
using MedInfo.Store.Reading;
using MedInfo.Web.Extensions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Web.Startup;

/// <summary>
/// Before the portal serves its first request: creates or migrates the store, and imports content/ when the store
/// is empty. In Development it then watches content/ and re-imports on every change, so an editor sees an edit
/// on reload. A failed import is logged with file and line and changes nothing.
/// </summary>
internal sealed partial class ContentStartup(
    IDbContextFactory<MedInfoDb> dbFactory,
    StoreConnection store,
    LetterImporter importer,
    LetterCatalog catalog,
    IOutputCacheStore outputCache,
    PortalOptions options,
    IHostEnvironment environment,
    ILogger<ContentStartup> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim importing = new(1, 1);
    private FileSystemWatcher? watcher;
    private Timer? debounce;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(store.Description);
        await StoreSetup.MigrateAsync(dbFactory, cancellationToken);
        if (await catalog.IsEmptyAsync(cancellationToken))
        {
            await ImportAsync(cancellationToken);
        }

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
            foreach (var diagnostic in report.Diagnostics)
            {
                LogDiagnostic(diagnostic.ToString());
            }

            LogImported(options.ContentDirectory!, report.Summary);
            if (report.Written)
            {
                await outputCache.EvictByTagAsync(LetterCaching.Tag, cancellationToken);
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
        watcher = new FileSystemWatcher(directory, "*.md") { IncludeSubdirectories = true, EnableRaisingEvents = true };
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
    private partial void LogDiagnostic(string diagnostic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content import from {Directory}: {Summary}")]
    private partial void LogImported(string directory, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-import after a content change failed; the published letters are unchanged.")]
    private partial void LogWatchFailed(Exception exception);
}
