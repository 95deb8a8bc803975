using MedInfo.Letters;
using MedInfo.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Reading;

/// <summary>A line of a letter listing.</summary>
public sealed record LetterSummary(string Id, string Title, int Version, string Status, DateOnly LastUpdated, bool IsRetired, DateTime ImportedAtUtc);

/// <summary>A version of a letter as stored, with the letter model as it was on that day.</summary>
public sealed record LetterVersionView(string LetterId, int Number, string ContentHash, DateTime ImportedAtUtc, Letter Letter);

/// <summary>One entry of a letter's version history.</summary>
public sealed record VersionEntry(int Number, DateTime ImportedAtUtc, string ContentHash, DateOnly LastUpdated, string Title);

/// <summary>A product with how many published letters cover it.</summary>
public sealed record ProductEntry(string Slug, string Brand, string Generic, string? PrescribingInformationUrl, int LetterCount);

/// <summary>Reads letters and their versions out of the store. Public pages see published, unretired letters only.</summary>
public sealed class LetterCatalog(IDbContextFactory<MedInfoDb> dbFactory)
{
    private const string Published = "published";

    public async Task<IReadOnlyList<LetterSummary>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Letters.AsNoTracking()
            .Where(l => includeRetired || !l.IsRetired)
            .Select(l => new LetterSummary(l.Id, l.CurrentVersion!.Title, l.CurrentVersion.Number, l.CurrentVersion.Status, l.CurrentVersion.LastUpdated, l.IsRetired, l.CurrentVersion.ImportedAtUtc))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Published letters, most recently updated first.</summary>
    public async Task<IReadOnlyList<LetterSummary>> ListRecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await PublishedLetters(db)
            .OrderByDescending(l => l.CurrentVersion!.LastUpdated).ThenBy(l => l.Id)
            .Take(count)
            .Select(l => new LetterSummary(l.Id, l.CurrentVersion!.Title, l.CurrentVersion.Number, l.CurrentVersion.Status, l.CurrentVersion.LastUpdated, l.IsRetired, l.CurrentVersion.ImportedAtUtc))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Products that have at least one published letter, A to Z by brand.</summary>
    public async Task<IReadOnlyList<ProductEntry>> ListProductsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await PublishedLetters(db)
            .SelectMany(l => l.CurrentVersion!.Products)
            .GroupBy(lp => lp.ProductId)
            .Select(g => new { ProductId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ProductId, g => g.Count, cancellationToken).ConfigureAwait(false);
        var products = await db.Products.AsNoTracking()
            .Where(p => counts.Keys.Contains(p.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return products
            .Select(p => new ProductEntry(p.Slug, p.Brand, p.Generic, p.PrescribingInformationUrl, counts[p.Id]))
            // A-Z by the slug (letters and digits only), so "DARZALEX®" comes before "DARZALEX FASPRO®".
            .OrderBy(p => p.Slug, StringComparer.Ordinal).ThenBy(p => p.Brand, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>A product and its published letters, newest first; null when no such product has any.</summary>
    public async Task<(ProductEntry Product, IReadOnlyList<LetterSummary> Letters)?> GetProductAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken).ConfigureAwait(false);
        if (product is null)
        {
            return null;
        }

        var letters = await PublishedLetters(db)
            .Where(l => l.CurrentVersion!.Products.Any(lp => lp.ProductId == product.Id))
            .OrderByDescending(l => l.CurrentVersion!.LastUpdated).ThenBy(l => l.Id)
            .Select(l => new LetterSummary(l.Id, l.CurrentVersion!.Title, l.CurrentVersion.Number, l.CurrentVersion.Status, l.CurrentVersion.LastUpdated, l.IsRetired, l.CurrentVersion.ImportedAtUtc))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return letters.Count == 0
            ? null
            : (new ProductEntry(product.Slug, product.Brand, product.Generic, product.PrescribingInformationUrl, letters.Count), letters);
    }

    /// <summary>The current version of a letter that is published and not retired; null when there is none.</summary>
    public async Task<LetterVersionView?> GetCurrentAsync(string letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var version = await PublishedLetters(db)
            .Where(l => l.Id == letterId)
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

    /// <summary>Every published version of a letter, oldest first.</summary>
    public async Task<IReadOnlyList<VersionEntry>> ListVersionsAsync(string letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.LetterVersions.AsNoTracking()
            .Where(v => v.LetterId == letterId && v.Status == Published)
            .OrderBy(v => v.Number)
            .Select(v => new VersionEntry(v.Number, v.ImportedAtUtc, v.ContentHash, v.LastUpdated, v.Title))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The document kinds in use, for the search filter.</summary>
    public async Task<IReadOnlyList<string>> ListDocumentKindsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await PublishedLetters(db).Select(l => l.CurrentVersion!.DocumentKind).Distinct().OrderBy(k => k)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return !await db.Letters.AnyAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IQueryable<StoredLetter> PublishedLetters(MedInfoDb db) =>
        db.Letters.AsNoTracking().Where(l => !l.IsRetired && l.CurrentVersion!.Status == Published);

    private static LetterVersionView View(StoredLetterVersion version) =>
        new(version.LetterId, version.Number, version.ContentHash, version.ImportedAtUtc, LetterJson.Read(version.ModelJson));
}
