using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Usage;

/// <summary>How many times readers downloaded one letter version's PDF on one day (UTC). No reader is identified.</summary>
public sealed class ReaderDownloadCount
{
    public required string LetterId { get; set; }

    public int VersionNumber { get; set; }

    public DateOnly Day { get; set; }

    public long Count { get; set; }
}

/// <summary>
/// Anonymous readers' PDF downloads, as compact counts per letter version per day. They are not exports on the
/// regulated audit trail: that chain records what staff (and the command line) sent, and an anonymous client must
/// not be able to fill it. A count is one row whatever the traffic, so the table grows by letters and days only.
/// </summary>
public sealed class ReaderDownloads(IDbContextFactory<MedInfoDb> factory, TimeProvider time)
{
    public async Task CountAsync(string letterId, int versionNumber, CancellationToken cancellationToken = default)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // One statement on both engines (SQLite 3.24+ and PostgreSQL 9.5+ share the upsert syntax): no read-then-write race.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ReaderDownloads" ("LetterId", "VersionNumber", "Day", "Count") VALUES ({letterId}, {versionNumber}, {day}, 1)
            ON CONFLICT ("LetterId", "VersionNumber", "Day") DO UPDATE SET "Count" = "ReaderDownloads"."Count" + 1
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The counts of one letter, newest day first.</summary>
    public async Task<IReadOnlyList<ReaderDownloadCount>> ListAsync(string letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReaderDownloads.AsNoTracking().Where(d => d.LetterId == letterId)
            .OrderByDescending(d => d.Day).ThenBy(d => d.VersionNumber)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
