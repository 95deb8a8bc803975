using System.Collections.Concurrent;
using MedInfo.Store.Usage;

namespace MedInfo.Web.Components.Pages.Letter;

/// <summary>
/// Counts reads of letter pages (a page served, or revalidated with its ETag) per letter and day, in memory, and
/// writes the counts once a minute and at shutdown: a page served from the output cache costs no database write.
/// Nothing about the reader is kept.
/// </summary>
public sealed partial class LetterViewCounter(LetterViews views, TimeProvider time, ILogger<LetterViewCounter> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string LetterId, DateOnly Day), long> counts = new();

    public void Count(string letterId) =>
        counts.AddOrUpdate((letterId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), 1, (_, count) => count + 1);

    /// <summary>Writes what was counted so far. A read counted during the write is kept for the next one.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var batch = new List<(string, DateOnly, long)>();
        foreach (var key in counts.Keys)
        {
            if (counts.TryRemove(key, out var count))
            {
                batch.Add((key.LetterId, key.Day, count));
            }
        }

        try
        {
            await views.AddAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Put back, so a store that was busy for a minute loses nothing.
            foreach (var (letterId, day, count) in batch)
            {
                counts.AddOrUpdate((letterId, day), count, (_, now) => now + count);
            }

            FlushFailed(logger, e);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last counts are written below.
        }

        await FlushAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Letter page reads could not be written; they are kept for the next try.")]
    private static partial void FlushFailed(ILogger logger, Exception exception);
}
