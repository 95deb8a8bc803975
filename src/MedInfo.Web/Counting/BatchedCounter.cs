using System.Collections.Concurrent;

namespace MedInfo.Web.Counting;

/// <summary>Counts kept in memory until written; a report writes them first, to show every count up to now.</summary>
public interface IPendingCounts
{
    Task FlushAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Counts what readers do (a page read, a search) in memory and writes the counts once a minute and at shutdown,
/// so a reader's request costs no database write. A count made during a write is kept for the next one; a write
/// that fails puts its counts back.
/// </summary>
public abstract partial class BatchedCounter<TKey>(TimeProvider time, ILogger logger) : BackgroundService, IPendingCounts
    where TKey : notnull
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<TKey, long> counts = new();

    /// <summary>Today, as the counts' days are kept (UTC).</summary>
    protected DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    protected void Count(TKey key) => counts.AddOrUpdate(key, 1, (_, count) => count + 1);

    /// <summary>Writes one batch of counts to the store.</summary>
    protected abstract Task WriteAsync(IReadOnlyCollection<(TKey Key, long Count)> batch, CancellationToken cancellationToken);

    /// <summary>Writes what was counted so far.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var batch = new List<(TKey, long)>();
        foreach (var key in counts.Keys)
        {
            if (counts.TryRemove(key, out var count))
            {
                batch.Add((key, count));
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Put back, so a store that was busy for a minute loses nothing.
            foreach (var (key, count) in batch)
            {
                counts.AddOrUpdate(key, count, (_, now) => now + count);
            }

            FlushFailed(logger, GetType().Name, e);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Counter}: counts could not be written; they are kept for the next try.")]
    private static partial void FlushFailed(ILogger logger, string counter, Exception exception);
}
