using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store;

/// <summary>
/// EF Core's migration lock on SQLite is a row in <c>__EFMigrationsLock</c>, not a lock the OS releases: a process
/// killed while holding it (a container stopped mid-start, an import killed during start-up) leaves the row, and
/// every later <c>MigrateAsync</c> then waits for it forever. The crash-safety test found exactly that.
/// </summary>
internal static class MigrationLock
{
    /// <summary>Our migrations take seconds; a lock this old belongs to a process that died.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    public static async Task ReleaseIfStaleAsync(MedInfoDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var exists = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (exists == 0)
        {
            return;
        }

        var taken = await db.Database
            .SqlQueryRaw<string>("SELECT \"Timestamp\" AS \"Value\" FROM \"__EFMigrationsLock\"")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = time.GetUtcNow() - StaleAfter;
        if (taken.Any(t => !DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) || at < cutoff))
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancellationToken).ConfigureAwait(false);
        }
    }
}
