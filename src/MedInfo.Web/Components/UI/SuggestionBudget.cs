using System.Threading.RateLimiting;
using MedInfo.Web.RateLimiting;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Components.UI;

/// <summary>
/// How many search-as-you-type queries one client address may run per minute. The search page's own limit covers
/// GET /search; suggestions arrive over the circuit, which the HTTP rate limiter never sees.
/// </summary>
public sealed class SuggestionBudget(IOptions<PortalOptions> settings, TimeProvider time) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.Get(client, _ => new ClientWindowLimiter(settings.Value.RateLimits.SuggestionsPerMinute, TimeSpan.FromMinutes(1), time)));

    /// <summary>True when <paramref name="client"/> may run one more query now.</summary>
    public bool TryTake(string client)
    {
        using var lease = limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
