using System.Threading.RateLimiting;

namespace MedInfo.Web.RateLimiting;

/// <summary>
/// A fixed window of <c>permits</c> requests per <c>window</c> for one client, whose refusals carry the time left in
/// the window as their retry-after. The framework's fixed-window limiter reports the whole window instead
/// ("Retry-After: 300" one second before the window ends), which tells a client to wait far longer than needed.
/// </summary>
public sealed class ClientWindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock gate = new();
    private DateTimeOffset start = DateTimeOffset.MinValue;
    private int used;
    private DateTimeOffset lastUsed = time.GetUtcNow();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                return time.GetUtcNow() - lastUsed;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permits - used) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            lastUsed = now;
            if (now >= start + window)
            {
                start = now;
                used = 0;
            }

            if (used + permitCount <= permits)
            {
                used += permitCount;
                return Lease.Granted;
            }

            return new Lease(start + window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
