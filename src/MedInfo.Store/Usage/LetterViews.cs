using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Usage;

/// <summary>How often a letter's page was read on a day. No reader is identified.</summary>
public sealed class LetterViewCount
{
    public required string LetterId { get; set; }

    public DateOnly Day { get; set; }

    public long Count { get; set; }
}

/// <summary>
/// Letter page views as counts per letter per day, added in batches (the portal counts in memory and writes once a
/// minute, so a page served from the cache costs no write).
/// </summary>
public sealed class LetterViews(IDbContextFactory<MedInfoDb> factory)
{
    public async Task AddAsync(IReadOnlyCollection<(string LetterId, DateOnly Day, long Count)> counts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (letterId, day, count) in counts)
        {
            // One upsert on both engines, as the reader download counts.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "LetterViews" ("LetterId", "Day", "Count") VALUES ({letterId}, {day}, {count})
                ON CONFLICT ("LetterId", "Day") DO UPDATE SET "Count" = "LetterViews"."Count" + {count}
                """, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
