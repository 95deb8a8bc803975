using System.Globalization;
using MedInfo.Letters;
using MedInfo.Store.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace MedInfo.Store.Reading;

/// <summary>A line of a letter listing.</summary>
/// <param name="IsRetired">The letter's file is gone from content/ (the letter is kept with its history, no longer listed).</param>
/// <param name="Audience">Who the letter is written for, so a listing can say so.</param>
public sealed record LetterSummary(string Id, string Title, int Version, LetterStatus Status, DateOnly LastUpdated, bool IsRetired, DateTime ImportedAtUtc, AudienceKind Audience);

/// <summary>A version of a letter as stored, with the letter model as it was on that day.</summary>
public sealed record LetterVersionView(string LetterId, int Number, string ContentHash, DateTime ImportedAtUtc, Letter Letter);

/// <summary>
/// A version as a page names it, with the HTML of that page's part kept for it (<see cref="LetterRenderings"/>):
/// null until the build asked for has rendered and kept it.
/// </summary>
public sealed record VersionRendering(int Number, string Title, string DocumentKind, string? Html);

/// <summary>One entry of a letter's version history.</summary>
public sealed record VersionEntry(int Number, DateTime ImportedAtUtc, string ContentHash, DateOnly LastUpdated, string Title);

/// <summary>What identifies a version for caching: its content hash and import time, and its number.</summary>
public sealed record VersionStamp(string ContentHash, DateTime ImportedAtUtc, int Number);

/// <summary>A figure's image as stored: its bytes and media type.</summary>
/// <param name="ForEveryone">A version for everyone (a patient letter) shows it, so any cache may keep it.</param>
public sealed record FigureContent(byte[] Bytes, string MediaType, bool ForEveryone = false);

/// <summary>A product with how many published letters cover it.</summary>
public sealed record ProductEntry(string Slug, string Brand, string Generic, string? PrescribingInformationUrl, int LetterCount);

/// <summary>
/// Reads letters and their versions out of the store. Every method but <see cref="ListForEditorsAsync"/> sees
/// published versions only, and only those written for the given reader (patient letters for everyone, HCP letters
/// for healthcare professionals): a page or endpoint built on it cannot show a draft, or an HCP letter to the public,
/// whatever it asks.
/// </summary>
public sealed class LetterCatalog(IDbContextFactory<MedInfoDb> dbFactory, StoreChanges changes) : IDisposable
{
    /// <summary>How long a letter's current-version stamp is trusted without asking the store again. Imports in
    /// this process reset it at once (StoreChanges); an import from another process shows within this time.</summary>
    public static readonly TimeSpan StampLifetime = TimeSpan.FromSeconds(2);

    /// <summary>The last stamps read, reused while the listing they were read at stays the same.</summary>
    private CurrentStamps? lastCurrentStamps;

    private readonly KeptValues<(string LetterId, int Number), (VersionStamp? Stamp, AudienceKind Audience)> versionStamps = new(changes, StampLifetime, 50_000);

    private readonly KeptValues<(string List, Readership Reader), object> lists = new(changes, StampLifetime, 100);

    // Versions never change once written, so a version's model, once read, is good for as long as it is kept.
    // Bounded by count: a model in memory is a tree of records, hundreds of kilobytes for a long letter, and pages
    // need one only to render a version's body once (PDFs, comparisons and exports are the other readers, of the
    // letters just looked at).
    private readonly MemoryCache models = new(new MemoryCacheOptions { SizeLimit = 64 });


    /// <summary>
    /// Every letter with its newest version, drafts included (retired ones on request): the editors' view, for the
    /// command line. Never for a reader's page: those use the methods below, which only see published versions.
    /// </summary>
    public async Task<IReadOnlyList<LetterSummary>> ListForEditorsAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Letters.AsNoTracking()
            .Where(l => includeRetired || !l.IsRetired)
            .Select(l => new LetterSummary(l.Id, l.CurrentVersion!.Title, l.CurrentVersion.Number, l.CurrentVersion.Status, l.CurrentVersion.LastUpdated, l.IsRetired, l.CurrentVersion.ImportedAtUtc, l.CurrentVersion.Audience))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Published letters A to Z by title (their published versions).</summary>
    public async Task<IReadOnlyList<LetterSummary>> ListPublishedAsync(Readership reader, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Summaries(PublishedLetters(db, reader)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Published letters, most recently updated first.</summary>
    public async Task<IReadOnlyList<LetterSummary>> ListRecentAsync(Readership reader, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Summaries(PublishedLetters(db, reader)
                .OrderByDescending(l => l.PublishedVersion!.LastUpdated).ThenBy(l => l.Id)
                .Take(count))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Published letters whose review-by date is before <paramref name="today"/>, the longest overdue first.</summary>
    public async Task<IReadOnlyList<(string LetterId, string Title, DateOnly ReviewBy)>> ListPastReviewAsync(Readership reader, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await PublishedLetters(db, reader).Where(l => l.PublishedVersion!.ReviewBy != null && l.PublishedVersion.ReviewBy < today)
            .OrderBy(l => l.PublishedVersion!.ReviewBy).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.PublishedVersion!.Title, l.PublishedVersion.ReviewBy })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.Id, r.Title, r.ReviewBy!.Value)).ToList();
    }

    /// <summary>Products that have at least one published letter for the reader, A to Z by brand.</summary>
    public Task<IReadOnlyList<ProductEntry>> ListProductsAsync(Readership reader, CancellationToken cancellationToken = default) =>
        KeptAsync(nameof(ListProductsAsync), reader, () => ReadProductsAsync(reader, cancellationToken));

    private async Task<IReadOnlyList<ProductEntry>> ReadProductsAsync(Readership reader, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await PublishedLetters(db, reader)
            .SelectMany(l => l.PublishedVersion!.Products)
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

    /// <summary>A product and its published letters for the reader, newest first; null when it has none for them.</summary>
    public async Task<(ProductEntry Product, IReadOnlyList<LetterSummary> Letters)?> GetProductAsync(Readership reader, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken).ConfigureAwait(false);
        if (product is null)
        {
            return null;
        }

        var letters = await Summaries(PublishedLetters(db, reader)
                .Where(l => l.PublishedVersion!.Products.Any(lp => lp.ProductId == product.Id))
                .OrderByDescending(l => l.PublishedVersion!.LastUpdated).ThenBy(l => l.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return letters.Count == 0
            ? null
            : (new ProductEntry(product.Slug, product.Brand, product.Generic, product.PrescribingInformationUrl, letters.Count), letters);
    }

    /// <summary>
    /// The hash, import time and number of a letter's current published version (null when there is none for the
    /// reader), for ETags, cache keys and bodies on every letter page request. Asking the store for one letter each
    /// time costs more than serving the cached page, and readers of a large library ask for many different letters:
    /// so every letter's stamp is read in one query and kept, checked against the listing stamp (which changes with
    /// any publication or retirement) at most once per <see cref="StampLifetime"/>, and read again when it changed.
    /// </summary>
    public async Task<VersionStamp?> GetCurrentStampAsync(Readership reader, string letterId, CancellationToken cancellationToken = default)
    {
        var current = await KeptAsync(nameof(CurrentStamps), Readership.HealthcareProfessional, () => ReadCurrentStampsAsync(cancellationToken)).ConfigureAwait(false);
        return current.ByLetter.TryGetValue(letterId, out var kept) && kept.Audience.IsReadableBy(reader) ? kept.Stamp : null;
    }

    private async Task<CurrentStamps> ReadCurrentStampsAsync(CancellationToken cancellationToken)
    {
        // Read first, and afresh: an import in between makes the next check read the stamps again, never miss it.
        var listing = await ReadListingStampAsync(Readership.HealthcareProfessional, cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref lastCurrentStamps) is { } last && last.Listing == listing)
        {
            return last;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await PublishedLetters(db, Readership.HealthcareProfessional)
            .Select(l => new { l.Id, Stamp = new VersionStamp(l.PublishedVersion!.ContentHash, l.PublishedVersion.ImportedAtUtc, l.PublishedVersion.Number), l.PublishedVersion.Audience })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var read = new CurrentStamps(listing, rows.ToDictionary(r => r.Id, r => (r.Stamp, r.Audience), StringComparer.Ordinal));
        Volatile.Write(ref lastCurrentStamps, read);
        return read;
    }

    /// <summary>Every published letter's current stamp and audience, as of <paramref name="Listing"/>.</summary>
    private sealed record CurrentStamps(string Listing, IReadOnlyDictionary<string, (VersionStamp Stamp, AudienceKind Audience)> ByLetter);

    /// <summary>
    /// The stamp of a numbered version the reader may read (see <see cref="GetVersionAsync"/>), null otherwise: kept
    /// like <see cref="GetCurrentStampAsync"/>, for pages that are served without asking the store each time.
    /// </summary>
    public async Task<VersionStamp?> GetVersionStampAsync(Readership reader, string letterId, int number, CancellationToken cancellationToken = default)
    {
        var kept = await versionStamps.GetAsync((letterId, number), async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await PublishedVersions(db, Readership.HealthcareProfessional)
                .Where(v => v.LetterId == letterId && v.Number == number)
                .Select(v => new { Stamp = new VersionStamp(v.ContentHash, v.ImportedAtUtc, v.Number), v.Audience })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return (row?.Stamp, row?.Audience ?? AudienceKind.Hcp);
        }).ConfigureAwait(false);
        return kept.Audience.IsReadableBy(reader) ? kept.Stamp : null;
    }

    /// <summary>
    /// What the pages that list letters show this reader (the home page, a product's page) depends on: which letters
    /// are published for them, in which versions. Changes with every import that changes a listing; kept like the
    /// lists themselves, so it costs one scan of the letters per <see cref="StampLifetime"/>, not one per request.
    /// </summary>
    public Task<string> GetListingStampAsync(Readership reader, CancellationToken cancellationToken = default) =>
        KeptAsync(nameof(GetListingStampAsync), reader, () => ReadListingStampAsync(reader, cancellationToken));

    private async Task<string> ReadListingStampAsync(Readership reader, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var published = await PublishedLetters(db, reader).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(l => (long)l.PublishedVersionId!.Value), Last = g.Max(l => l.PublishedVersionId!.Value) })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false); // one group at most (none when empty)
        return published is null
            ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"{published.Count}-{published.Sum}-{published.Last}");
    }

    /// <summary>
    /// Whether a letter (or, with <paramref name="number"/>, one of its versions) is published but not for this
    /// reader: the page then asks for the HCP confirmation instead of answering "not found". Says nothing else.
    /// </summary>
    public async Task<bool> IsForOthersAsync(Readership reader, string letterId, int? number = null, CancellationToken cancellationToken = default)
    {
        if (reader == Readership.HealthcareProfessional)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return number is { } n
            ? await PublishedVersions(db, Readership.HealthcareProfessional).AnyAsync(v => v.LetterId == letterId && v.Number == n, cancellationToken).ConfigureAwait(false)
                && !await PublishedVersions(db, reader).AnyAsync(v => v.LetterId == letterId && v.Number == n, cancellationToken).ConfigureAwait(false)
            : await PublishedLetters(db, Readership.HealthcareProfessional).AnyAsync(l => l.Id == letterId, cancellationToken).ConfigureAwait(false)
                && !await PublishedLetters(db, reader).AnyAsync(l => l.Id == letterId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version readers see: the newest published version of a letter that is not retired; null when there is none for this reader.</summary>
    public async Task<LetterVersionView?> GetCurrentAsync(Readership reader, string letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var version = await PublishedLetters(db, reader)
            .Where(l => l.Id == letterId)
            .Select(l => new VersionKey(l.PublishedVersion!.Id, l.PublishedVersion.LetterId, l.PublishedVersion.Number, l.PublishedVersion.ContentHash, l.PublishedVersion.ImportedAtUtc))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return version is null ? null : await ViewAsync(db, version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version <see cref="GetVersionAsync"/> gives, without its model: with its kept rendering of <paramref name="page"/> by <paramref name="renderer"/>.</summary>
    public async Task<VersionRendering?> GetVersionRenderingAsync(Readership reader, string letterId, int number, string page, string renderer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await WithRendering(db, PublishedVersions(db, reader).Where(v => v.LetterId == letterId && v.Number == number), page, renderer)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A numbered version, if it was published (retired letters included: what was sent must stay reproducible);
    /// null for a draft, a version retired by its status, a version not written for this reader, or none.
    /// </summary>
    public async Task<LetterVersionView?> GetVersionAsync(Readership reader, string letterId, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var version = await PublishedVersions(db, reader)
            .Where(v => v.LetterId == letterId && v.Number == number)
            .Select(v => new VersionKey(v.Id, v.LetterId, v.Number, v.ContentHash, v.ImportedAtUtc))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return version is null ? null : await ViewAsync(db, version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every published version of a letter the reader may read, oldest first.</summary>
    public async Task<IReadOnlyList<VersionEntry>> ListVersionsAsync(Readership reader, string letterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await PublishedVersions(db, reader)
            .Where(v => v.LetterId == letterId)
            .OrderBy(v => v.Number)
            .Select(v => new VersionEntry(v.Number, v.ImportedAtUtc, v.ContentHash, v.LastUpdated, v.Title))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A figure's image, when a published version of the letter that the reader may read shows it; null otherwise
    /// (an image of a draft, of another letter, or of a letter for others is not there for this reader).
    /// </summary>
    public async Task<FigureContent?> GetFigureAsync(Readership reader, string letterId, string sha256, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var shownTo = await PublishedVersions(db, reader)
            .Where(v => v.LetterId == letterId && v.Figures.Any(f => f.Sha256 == sha256))
            .Select(v => v.Audience).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (shownTo.Count == 0)
        {
            return null;
        }

        var forEveryone = shownTo.Any(a => a.IsReadableBy(Readership.Public));
        return await db.FigureImages.AsNoTracking().Where(f => f.Sha256 == sha256).Select(f => new FigureContent(f.Bytes, f.MediaType, forEveryone))
            .SingleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The images of versions already handed out (to print them): by SHA-256.</summary>
    public async Task<IReadOnlyDictionary<string, FigureContent>> GetFigureImagesAsync(IEnumerable<LetterVersionView> versions, CancellationToken cancellationToken = default)
    {
        var shas = versions.SelectMany(v => v.Letter.Figures).Select(f => f.Image.Sha256).Distinct(StringComparer.Ordinal).ToList();
        if (shas.Count == 0)
        {
            return new Dictionary<string, FigureContent>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.FigureImages.AsNoTracking().Where(f => shas.Contains(f.Sha256))
            .ToDictionaryAsync(f => f.Sha256, f => new FigureContent(f.Bytes, f.MediaType), StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The document kinds in use, for the search filter.</summary>
    public Task<IReadOnlyList<string>> ListDocumentKindsAsync(Readership reader, CancellationToken cancellationToken = default) =>
        KeptAsync<IReadOnlyList<string>>(nameof(ListDocumentKindsAsync), reader, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await PublishedLetters(db, reader).Select(l => l.PublishedVersion!.DocumentKind).Distinct().OrderBy(k => k)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// What many requests ask for and a scan of the letters answers (the products and document kinds every search page
    /// shows, the listing stamp, every letter's current stamp): read again after an import here and otherwise at most
    /// once per <see cref="StampLifetime"/>.
    /// </summary>
    private async Task<T> KeptAsync<T>(string list, Readership reader, Func<Task<T>> read)
        where T : class =>
        (T)await lists.GetAsync((list, reader), async () => await read().ConfigureAwait(false)).ConfigureAwait(false);

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return !await db.Letters.AnyAsync(cancellationToken).ConfigureAwait(false);
    }

    // The reading rule, in one place: readers see a letter's published version, while the letter is not retired,
    // and any published version in its history, when it is written for them (AudienceRules.IsReadableBy).
    // Drafts never leave the store through this class.
    private static IQueryable<StoredLetter> PublishedLetters(MedInfoDb db, Readership reader) =>
        db.Letters.AsNoTracking().Where(l => !l.IsRetired && l.PublishedVersionId != null
            && (reader == Readership.HealthcareProfessional || l.PublishedVersion!.Audience == AudienceKind.Patient));

    private static IQueryable<StoredLetterVersion> PublishedVersions(MedInfoDb db, Readership reader) =>
        db.LetterVersions.AsNoTracking().Where(v => v.Status == LetterStatus.Published
            && (reader == Readership.HealthcareProfessional || v.Audience == AudienceKind.Patient));

    private static IQueryable<VersionRendering> WithRendering(MedInfoDb db, IQueryable<StoredLetterVersion> versions, string page, string renderer) =>
        versions.Select(v => new VersionRendering(v.Number, v.Title, v.DocumentKind,
            db.LetterRenderings.Where(r => r.LetterVersionId == v.Id && r.Page == page && r.Renderer == renderer).Select(r => r.Html).FirstOrDefault()));

    private static IQueryable<LetterSummary> Summaries(IQueryable<StoredLetter> letters) =>
        letters.Select(l => new LetterSummary(l.Id, l.PublishedVersion!.Title, l.PublishedVersion.Number, l.PublishedVersion.Status, l.PublishedVersion.LastUpdated, l.IsRetired, l.PublishedVersion.ImportedAtUtc, l.PublishedVersion.Audience));

    public void Dispose() => models.Dispose();

    /// <summary>The version with its model: from the cache, or read (only the model's column) and kept.</summary>
    private async Task<LetterVersionView> ViewAsync(MedInfoDb db, VersionKey key, CancellationToken cancellationToken)
    {
        if (!models.TryGetValue(key.Id, out Letter? letter) || letter is null)
        {
            letter = await LetterJson.ReadStoredAsync(db, key.Id, cancellationToken).ConfigureAwait(false);
            models.Set(key.Id, letter, new MemoryCacheEntryOptions { Size = 1 });
        }

        return new LetterVersionView(key.LetterId, key.Number, key.ContentHash, DateTime.SpecifyKind(key.ImportedAtUtc, DateTimeKind.Utc), letter);
    }

    private sealed record VersionKey(int Id, string LetterId, int Number, string ContentHash, DateTime ImportedAtUtc);
}
