using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Insights;

/// <summary>How often a search was typed on a day, and whether it found a letter that day. No reader is identified.</summary>
public sealed class SearchCount
{
    public DateOnly Day { get; set; }

    /// <summary>The search's words, lower-cased, one space apart: "poems syndrome".</summary>
    public required string Query { get; set; }

    public bool Found { get; set; }

    public long Count { get; set; }
}

/// <summary>
/// What readers search for, as counts per search per day: the searches with no results are the letters that are
/// missing. One row per search and day whatever the traffic; no address, cookie or reader is kept.
/// </summary>
public sealed class SearchCounts(IDbContextFactory<MedInfoDb> factory, TimeProvider time)
{
    public const int MaxQueryLength = 100;

    /// <summary>Counts one search now.</summary>
    public Task CountAsync(string? text, int hits, CancellationToken cancellationToken = default) =>
        AddAsync([(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), text ?? string.Empty, hits > 0, 1)], cancellationToken);

    /// <summary>Adds counts of searches (as typed: they are normalised here), in one transaction.</summary>
    public async Task AddAsync(IReadOnlyCollection<(DateOnly Day, string Text, bool Found, long Count)> counts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.Select(c => (c.Day, Query: Normalize(c.Text), c.Found, c.Count)).Where(c => c.Query.Length > 0).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (day, query, found, count) in rows)
        {
            // One upsert on both engines, as the reader download counts: no read-then-write race.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SearchCounts" ("Day", "Query", "Found", "Count") VALUES ({day}, {query}, {found}, {count})
                ON CONFLICT ("Day", "Query") DO UPDATE SET "Count" = "SearchCounts"."Count" + {count}, "Found" = {found}
                """, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The words a person typed, lower-cased, one space apart, at most <see cref="MaxQueryLength"/> characters.</summary>
    public static string Normalize(string? text)
    {
        var words = string.Join(' ', (text ?? string.Empty).ToLower(CultureInfo.InvariantCulture)
            .Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c) || c is '-' or '\'').ToArray()))
            .Where(w => w.Length > 0));
        return words.Length > MaxQueryLength ? words[..MaxQueryLength].TrimEnd() : words;
    }
}
