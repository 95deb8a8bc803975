using MedInfo.Store.Insights;
using MedInfo.Web.Counting;

namespace MedInfo.Web.Components.Pages.Insights;

/// <summary>The insights report with this portal's counts still in memory written first, so it shows every read and search up to now.</summary>
public sealed class InsightsNow(MedInfo.Store.Insights.Insights builder, IEnumerable<IPendingCounts> pending)
{
    public async Task<InsightsReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        foreach (var counts in pending)
        {
            await counts.FlushAsync(cancellationToken);
        }

        return await builder.BuildAsync(cancellationToken);
    }
}
