using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Reading;

/// <summary>
/// Keeps the HTML that pages render from a single letter version (<see cref="Entities.StoredRendering"/>), so that
/// each is rendered once per build rather than once per reader. Reading it back goes through
/// <see cref="LetterCatalog"/>, whose reading rule decides who gets which version.
/// </summary>
public sealed class LetterRenderings(IDbContextFactory<MedInfoDb> dbFactory)
{
    /// <summary>
    /// Keeps a rendering of version <paramref name="number"/> of a letter. Readers on several portals may render
    /// the same page at once: the first one kept stays (they are the same bytes).
    /// </summary>
    public async Task KeepAsync(string letterId, int number, string page, string renderer, string html, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LetterRenderings" ("LetterVersionId", "Page", "Renderer", "Html")
            SELECT "Id", {page}, {renderer}, {html} FROM "LetterVersions" WHERE "LetterId" = {letterId} AND "Number" = {number}
            ON CONFLICT DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops what other builds rendered, which this one never reads; returns how many were dropped.</summary>
    public async Task<int> DropOtherBuildsAsync(string renderer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.LetterRenderings.Where(r => r.Renderer != renderer).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
