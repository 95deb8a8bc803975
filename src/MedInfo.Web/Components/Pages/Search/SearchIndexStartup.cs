using System.Diagnostics;
using MedInfo.Store.Search;

namespace MedInfo.Web.Components.Pages.Search;

/// <summary>Builds the search index from the store as the portal starts, so the first reader to search does not wait for it.</summary>
internal sealed partial class SearchIndexStartup(LetterIndex index, ILogger<SearchIndexStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await index.EnsureCurrentAsync(stoppingToken);
            LogBuilt(index.LetterCount, clock.ElapsedMilliseconds);

            // Building the index from a large store is start-up's one burst of allocation; the GC would keep the
            // memory it took (over 100 MB at 10,000 letters) committed long after. Hand it back once.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            // The first search builds it again and reports what fails then.
            LogFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {Letters} letters in {Milliseconds} ms.")]
    private partial void LogBuilt(int letters, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index could not be built at start-up: {Reason}")]
    private partial void LogFailed(string reason);
}
