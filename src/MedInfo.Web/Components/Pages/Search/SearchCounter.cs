using MedInfo.Store.Insights;
using MedInfo.Web.Counting;

namespace MedInfo.Web.Components.Pages.Search;

/// <summary>Counts searches per search and day, and whether they found a letter (the insights' missing letters), without a database write per search.</summary>
public sealed class SearchCounter(SearchCounts searches, TimeProvider time, ILogger<SearchCounter> logger)
    : BatchedCounter<(DateOnly Day, string Query, bool Found)>(time, logger)
{
    public void Count(string? text, int hits)
    {
        var query = SearchCounts.Normalize(text);
        if (query.Length > 0)
        {
            Count((Today, query, hits > 0));
        }
    }

    protected override Task WriteAsync(IReadOnlyCollection<((DateOnly Day, string Query, bool Found) Key, long Count)> batch, CancellationToken cancellationToken) =>
        searches.AddAsync(batch.Select(c => (c.Key.Day, c.Key.Query, c.Key.Found, c.Count)).ToList(), cancellationToken);
}
