using MedInfo.Store.Usage;
using MedInfo.Web.Counting;

namespace MedInfo.Web.Components.Pages.Letter;

/// <summary>
/// Counts reads of letter pages (a page served, or revalidated with its ETag) per letter and day: a page served
/// from the output cache costs no database write. Nothing about the reader is kept.
/// </summary>
public sealed class LetterViewCounter(LetterViews views, TimeProvider time, ILogger<LetterViewCounter> logger)
    : BatchedCounter<(string LetterId, DateOnly Day)>(time, logger)
{
    public void Count(string letterId) => Count((letterId, Today));

    protected override Task WriteAsync(IReadOnlyCollection<((string LetterId, DateOnly Day) Key, long Count)> batch, CancellationToken cancellationToken) =>
        views.AddAsync(batch.Select(c => (c.Key.LetterId, c.Key.Day, c.Count)).ToList(), cancellationToken);
}
