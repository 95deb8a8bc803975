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
