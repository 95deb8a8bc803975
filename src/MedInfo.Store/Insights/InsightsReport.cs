using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Insights;

/// <summary>A count under a name (a product, a channel, a search, a letter).</summary>
public sealed record NamedCount(string Name, long Count);

/// <summary>Requests about one product in one month (yyyy-MM).</summary>
public sealed record ProductMonth(string Product, string Month, int Requests);

/// <summary>How fast and how well requests were answered in the period.</summary>
public sealed record RequestMetrics(
    int Received,
    int Answered,
    TimeSpan? MedianToAnswer,
    TimeSpan? Percentile90ToAnswer,
    double? AnsweredWithinServiceLevel,
    int AdverseEvents,
    int SafetyFlagged,
    int Forwarded,
    double? ForwardedOnTime);

/// <summary>A published letter past its review-by date.</summary>
public sealed record ReviewDue(string LetterId, string Title, DateOnly ReviewBy);

/// <summary>What the Medical Information team learns from its requests and its readers, for one period.</summary>
public sealed record InsightsReport(
    DateOnly RequestsFrom,
    DateOnly ReadersFrom,
    DateOnly Today,
    RequestMetrics Requests,
    IReadOnlyList<ProductMonth> RequestsPerProductMonth,
    IReadOnlyList<NamedCount> Channels,
    IReadOnlyList<NamedCount> TopSearches,
    IReadOnlyList<NamedCount> SearchesWithoutResults,
    IReadOnlyList<NamedCount> MostRead,
    IReadOnlyList<NamedCount> MostDownloaded,
    IReadOnlyList<NamedCount> MostExported,
    IReadOnlyList<ReviewDue> PastReview);

/// <summary>
/// Builds the insights from what the store already keeps: requests (no personal data is read), search, page view
/// and download counts per day, export records and the published letters' review-by dates. Requests over the last 12 months,
/// readers over the last 30 days.
/// </summary>
public sealed class Insights(IDbContextFactory<MedInfoDb> factory, Reading.LetterCatalog catalog, TimeProvider time)
{
    public const int RequestMonths = 12;
    public const int ReaderDays = 30;
    private const int Top = 20;

    public async Task<InsightsReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var requestsFrom = new DateOnly(today.Year, today.Month, 1).AddMonths(-(RequestMonths - 1));
        var readersFrom = today.AddDays(-(ReaderDays - 1));
        var readersSince = readersFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        var fromMonth = (requestsFrom.Year * 100) + requestsFrom.Month;
        var requests = db.Requests.AsNoTracking().Where(r => r.ReceivedMonth >= fromMonth);
        var perMonth = await db.Set<Requests.StoredRequestProduct>().AsNoTracking().Where(p => p.ReceivedMonth >= fromMonth)
            .GroupBy(p => new { p.Brand, p.ReceivedMonth })
            .Select(g => new { g.Key.Brand, g.Key.ReceivedMonth, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var channels = await requests.GroupBy(r => r.Channel).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var minutes = await requests.Where(r => r.MinutesToAnswer != null).Select(r => r.MinutesToAnswer!.Value)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var inTime = await requests.CountAsync(r => r.AnsweredInTime == true, cancellationToken).ConfigureAwait(false);
        var safety = await requests.Where(r => r.AdverseEvent != null || r.ProductComplaint != null)
            .GroupBy(r => 1)
            .Select(g => new
            {
                Flagged = g.Count(),
                Adverse = g.Count(r => r.AdverseEvent != null),
                Forwarded = g.Count(r => r.ForwardedUtc != null),
                OnTime = g.Count(r => r.ForwardedUtc != null && r.ForwardedUtc <= r.PharmacovigilanceDueUtc),
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        minutes.Sort();
        var metrics = new RequestMetrics(
            channels.Sum(c => c.Count),
            minutes.Count,
            Percentile(minutes, 50),
            Percentile(minutes, 90),
            minutes.Count == 0 ? null : inTime / (double)minutes.Count,
            safety?.Adverse ?? 0,
            safety?.Flagged ?? 0,
            safety?.Forwarded ?? 0,
            safety is not { Forwarded: > 0 } ? null : safety.OnTime / (double)safety.Forwarded);

        var searches = db.SearchCounts.AsNoTracking().Where(s => s.Day >= readersFrom);
        var topSearches = await searches.GroupBy(s => s.Query).Select(g => new { g.Key, Count = g.Sum(s => s.Count) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(Top).ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = await searches.Where(s => !s.Found).GroupBy(s => s.Query).Select(g => new { g.Key, Count = g.Sum(s => s.Count) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(Top).ToListAsync(cancellationToken).ConfigureAwait(false);
        var read = await db.LetterViews.AsNoTracking().Where(v => v.Day >= readersFrom).GroupBy(v => v.LetterId)
            .Select(g => new { g.Key, Count = g.Sum(v => v.Count) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(Top).ToListAsync(cancellationToken).ConfigureAwait(false);
        var downloaded = await db.ReaderDownloads.AsNoTracking().Where(d => d.Day >= readersFrom).GroupBy(d => d.LetterId)
            .Select(g => new { g.Key, Count = g.Sum(d => d.Count) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(Top).ToListAsync(cancellationToken).ConfigureAwait(false);
        var exported = await db.ExportRecords.AsNoTracking().Where(e => e.AtUtc >= readersSince && e.UserName != null)
            .SelectMany(e => e.Letters).GroupBy(l => l.LetterId).Select(g => new { g.Key, Count = g.LongCount() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(Top).ToListAsync(cancellationToken).ConfigureAwait(false);
        var pastReview = await catalog.ListPastReviewAsync(MedInfo.Letters.Readership.HealthcareProfessional, today, cancellationToken).ConfigureAwait(false);

        return new InsightsReport(
            requestsFrom, readersFrom, today, metrics,
            perMonth.Select(m => new ProductMonth(m.Brand, $"{m.ReceivedMonth / 100:D4}-{m.ReceivedMonth % 100:D2}", m.Count)).OrderBy(m => m.Month, StringComparer.Ordinal).ThenBy(m => m.Product, StringComparer.Ordinal).ToList(),
            channels.OrderByDescending(c => c.Count).Select(c => new NamedCount(c.Key.ToString(), c.Count)).ToList(),
            topSearches.Select(s => new NamedCount(s.Key, s.Count)).ToList(),
            missing.Select(s => new NamedCount(s.Key, s.Count)).ToList(),
            read.Select(v => new NamedCount(v.Key, v.Count)).ToList(),
            downloaded.Select(d => new NamedCount(d.Key, d.Count)).ToList(),
            exported.Select(e => new NamedCount(e.Key, e.Count)).ToList(),
            pastReview.Select(p => new ReviewDue(p.LetterId, p.Title, p.ReviewBy)).ToList());
    }

    private static TimeSpan? Percentile(List<int> sortedMinutes, int percentile) =>
        sortedMinutes.Count == 0 ? null : TimeSpan.FromMinutes(sortedMinutes[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sortedMinutes.Count) - 1, 0, sortedMinutes.Count - 1)]);
}
