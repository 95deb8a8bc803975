using MedInfo.Letters;
using MedInfo.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Reading;

/// <summary>A line of a letter listing.</summary>
public sealed record LetterSummary(string Id, string Title, int Version, string Status, DateOnly LastUpdated, bool IsRetired, DateTime ImportedAtUtc);

/// <summary>A version of a letter as stored, with the letter model as it was on that day.</summary>
public sealed record LetterVersionView(string LetterId, int Number, string ContentHash, DateTime ImportedAtUtc, Letter Letter);

/// <summary>Reads letters and their versions out of the store.</summary>
public sealed class LetterCatalog(IDbContextFactory<MedInfoDb> dbFactory)
{
    public async Task<IReadOnlyList<LetterSummary>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Letters.AsNoTracking()
            .Where(l => includeRetired || !l.IsRetired)
            .Select(l => new LetterSummary(l.Id, l.CurrentVersion!.Title, l.CurrentVersion.Number, l.CurrentVersion.Status, l.CurrentVersion.LastUpdated, l.IsRetired, l.CurrentVersion.ImportedAtUtc))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The current version of a letter that is not retired; null when there is none.</summary>
    public async Task<LetterVersionView?> GetCurrentAsync(string letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var version = await db.Letters.AsNoTracking()
            .Where(l => l.Id == letterId && !l.IsRetired)
            .Select(l => l.CurrentVersion)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return version is null ? null : View(version);
    }

    /// <summary>Any version ever imported, retired letters included: what was sent must stay reproducible.</summary>
    public async Task<LetterVersionView?> GetVersionAsync(string letterId, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var version = await db.LetterVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.LetterId == letterId && v.Number == number, cancellationToken).ConfigureAwait(false);
        return version is null ? null : View(version);
    }

    public async Task<IReadOnlyList<(int Number, DateTime ImportedAtUtc, string ContentHash, DateOnly LastUpdated)>> ListVersionsAsync(string letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.LetterVersions.AsNoTracking()
            .Where(v => v.LetterId == letterId)
            .OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.ImportedAtUtc, v.ContentHash, v.LastUpdated })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.Number, r.ImportedAtUtc, r.ContentHash, r.LastUpdated)).ToList();
    }

    private static LetterVersionView View(StoredLetterVersion version) =>
        new(version.LetterId, version.Number, version.ContentHash, version.ImportedAtUtc, LetterJson.Read(version.ModelJson));
}
