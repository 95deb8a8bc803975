using System.Threading.Channels;
using MedInfo.Content;
using MedInfo.Letters;
using MedInfo.Store;
using MedInfo.Store.Engines;
using MedInfo.Store.Entities;
using MedInfo.Store.Search;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Import;

/// <summary>
/// Writes the letters of one import inside its transaction, a batch at a time, while the files after them are
/// still being read: writing used one core while the other waited, and held every letter read until the last
/// file was. The letters arrive in the files' order, so ids, version numbers and the products' details come out
/// as if every file had been read first.
/// </summary>
internal sealed class ImportWriter
{
    /// <summary>Letters written together: each batch is a few bulk inserts and two saves, whatever its size.</summary>
    private const int BatchSize = 500;

    private readonly MedInfoDb db;
    private readonly IStoreEngine engine;
    private readonly DateTime now;
    private readonly Dictionary<string, StoredLetter> existing;
    private readonly Dictionary<string, string> currentHashes;
    private readonly Dictionary<string, StoredProduct> products;
    private readonly Dictionary<string, int> lastNumbers;
    private readonly SearchIndexWriter index;
    private readonly List<LetterRead> read = [];
    private int newLetters, newVersions, unchanged;

    private ImportWriter(MedInfoDb db, DateTime now, Dictionary<string, StoredLetter> existing, Dictionary<string, string> currentHashes,
        Dictionary<string, StoredProduct> products, Dictionary<string, int> lastNumbers)
    {
        this.db = db;
        engine = StoreEngine.For(db);
        this.now = now;
        this.existing = existing;
        this.currentHashes = currentHashes;
        this.products = products;
        this.lastNumbers = lastNumbers;
        index = new SearchIndexWriter(db);
    }

    /// <summary>What was read of every letter written or found unchanged by its hash, in the files' order.</summary>
    public IReadOnlyList<LetterRead> Read => read;

    /// <summary>A writer for the store as it is now, in the import's turn.</summary>
    /// <param name="currentHashes">Each letter's current version's hash, by letter id; the writer keeps it up to date as it writes.</param>
    public static async Task<ImportWriter> StartAsync(MedInfoDb db, Dictionary<string, string> currentHashes, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Letters.ToDictionaryAsync(l => l.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var products = await db.Products.ToDictionaryAsync(p => p.Brand, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        // One query for every letter's highest version number, not one per changed letter.
        var lastNumbers = await db.LetterVersions.GroupBy(v => v.LetterId)
            .Select(g => new { LetterId = g.Key, Number = g.Max(v => v.Number) })
            .ToDictionaryAsync(x => x.LetterId, x => x.Number, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return new ImportWriter(db, now, existing, currentHashes, products, lastNumbers);
    }

    /// <summary>Writes the letters as they come, until the reader completes the channel.</summary>
    public async Task WriteAsync(ChannelReader<LetterToWrite> letters, CancellationToken cancellationToken)
    {
        var batch = new List<LetterToWrite>(BatchSize);
        while (await letters.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (batch.Count < BatchSize && letters.TryRead(out var letter))
            {
                batch.Add(letter);
            }

            if (batch.Count == BatchSize)
            {
                await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After every file was read without errors: retires the letters whose files are gone, and writes the editors'
    /// synonyms. The caller commits.
    /// </summary>
    public async Task<ImportReport> FinishAsync(ContentReadResult<LetterToWrite> files, CancellationToken cancellationToken)
    {
        var seen = read.Select(l => l.LetterId).Concat(files.Unchanged.Select(u => u.LetterId)).ToHashSet(StringComparer.Ordinal);
        var retired = existing.Values.Where(l => !l.IsRetired && !seen.Contains(l.Id)).ToList();
        foreach (var letter in retired)
        {
            letter.IsRetired = true;
            letter.RetiredAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await index.ReplaceEditorsSynonymsAsync(files.Synonyms ?? [], cancellationToken).ConfigureAwait(false);
        foreach (var letter in retired)
        {
            await index.RemoveAsync(letter.Id, letter.PublishedVersionId, cancellationToken).ConfigureAwait(false);
        }

        return new ImportReport(files.FileCount, newLetters, newVersions, unchanged + files.Unchanged.Count, retired.Count, files.Diagnostics, Written: true);
    }

    private async Task WriteBatchAsync(List<LetterToWrite> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await AddFigureImagesAsync(batch, cancellationToken).ConfigureAwait(false);
        var changed = new List<(StoredLetter Letter, NewVersion Version, int? IndexedVersionId, bool WasRetired)>();
        foreach (var source in batch)
        {
            var id = source.Metadata.Id;
            read.Add(new LetterRead(id, source.RelativePath, source.ContentHash, source.Stamp));
            if (existing.TryGetValue(id, out var letter) && currentHashes.GetValueOrDefault(id) == source.ContentHash && !letter.IsRetired)
            {
                letter.SourcePath = source.RelativePath; // the same letter, moved to another file
                unchanged++;
                continue;
            }

            if (letter is null)
            {
                letter = new StoredLetter { Id = id, SourcePath = source.RelativePath };
                db.Letters.Add(letter);
                existing.Add(id, letter);
                newLetters++;
            }
            else
            {
                newVersions++;
            }

            // Two files claiming one id both arrive here: the second is numbered after the first, and the read's
            // error about them rolls the import back.
            var number = lastNumbers.GetValueOrDefault(id) + 1;
            lastNumbers[id] = number;
            currentHashes[id] = source.ContentHash;

            // The index holds the version readers see (the published one of a letter that is not retired).
            var indexedVersionId = letter.IsRetired ? null : letter.PublishedVersionId;
            var version = new NewVersion(VersionRow(source, number), source, [.. source.Metadata.Products.Select(Product)]);
            letter.SourcePath = source.RelativePath;
            var wasRetired = letter.IsRetired;
            letter.IsRetired = false;
            letter.RetiredAtUtc = null;
            changed.Add((letter, version, indexedVersionId, wasRetired));
        }

        // A letter points at its current version and the version at its letter: the letters are written first,
        // then the versions (in bulk: thousands of large rows in a cold import), then the pointers.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await WriteVersionsAsync(changed.Select(c => c.Version).ToList(), cancellationToken).ConfigureAwait(false);
        var indexChanges = new List<IndexChange>();
        foreach (var (letter, (version, source, _), indexedVersionId, wasRetired) in changed)
        {
            letter.CurrentVersionId = version.Id;
            switch (source.Metadata.Status)
            {
                case LetterStatus.Published:
                    // Readers move to the new version: its index row replaces the one of the version it follows.
                    letter.PublishedVersionId = version.Id;
                    indexChanges.Add(new IndexChange(letter.Id, indexedVersionId, version.Id, source.SearchText));
                    break;
                case LetterStatus.Retired:
                    // Retired by its status: readers no longer find it, its published versions stay on record.
                    letter.PublishedVersion = null;
                    letter.PublishedVersionId = null; // the navigation was never loaded, so clearing it alone changes nothing
                    await index.RemoveAsync(letter.Id, indexedVersionId, cancellationToken).ConfigureAwait(false);
                    break;
                case LetterStatus.Draft when wasRetired && letter.PublishedVersionId is { } publishedId:
                    // A file put back as a draft: readers see its last published version again, so it is indexed again.
                    indexChanges.Add(new IndexChange(letter.Id, null, publishedId, await PublishedSearchTextAsync(publishedId, cancellationToken).ConfigureAwait(false)));
                    break;
                default:
                    break; // a draft: readers keep the published version, and the index keeps its row
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await index.ReplaceAsync(indexChanges, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The images of the letters being written that the store does not hold yet, each once (they are kept by content).</summary>
    private async Task AddFigureImagesAsync(IReadOnlyList<LetterToWrite> sources, CancellationToken cancellationToken)
    {
        var images = sources.SelectMany(s => s.Figures).DistinctBy(f => f.Image.Sha256).ToList();
        if (images.Count == 0)
        {
            return;
        }

        var shas = images.Select(f => f.Image.Sha256).ToList();
        var held = await db.FigureImages.Where(f => shas.Contains(f.Sha256)).Select(f => f.Sha256)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var figure in images.Where(f => !held.Contains(f.Image.Sha256)))
        {
            db.FigureImages.Add(new StoredFigureImage
            {
                Sha256 = figure.Image.Sha256,
                MediaType = figure.Image.MediaType,
                Width = figure.Image.Width,
                Height = figure.Image.Height,
                Bytes = figure.Bytes,
            });
        }
    }

    private async Task<SearchText> PublishedSearchTextAsync(int versionId, CancellationToken cancellationToken) =>
        SearchText.From(await LetterJson.ReadStoredAsync(db, versionId, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The new versions and what hangs on them (products, figures, references), each kind in one bulk insert: a cold
    /// import writes tens of thousands of rows, versions of tens of kilobytes each. The versions get their ids here.
    /// </summary>
    private async Task WriteVersionsAsync(IReadOnlyList<NewVersion> versions, CancellationToken cancellationToken)
    {
        await engine.InsertAsync(db, versions.Select(v => v.Row).ToList(), keysBack: true, cancellationToken).ConfigureAwait(false);
        var versionProducts = versions.SelectMany(v => v.Products.Select((product, position) =>
            new LetterVersionProduct { LetterVersionId = v.Row.Id, ProductId = product.Id, Position = position }));
        await engine.InsertAsync(db, versionProducts.ToList(), keysBack: false, cancellationToken).ConfigureAwait(false);
        var figures = versions.SelectMany(v => v.Source.Figures.Select(f => f.Image.Sha256).Distinct(StringComparer.Ordinal)
            .Select(sha => new LetterVersionFigure { LetterVersionId = v.Row.Id, Sha256 = sha }));
        await engine.InsertAsync(db, figures.ToList(), keysBack: false, cancellationToken).ConfigureAwait(false);
        var references = versions.SelectMany(v => v.Source.References.Select(r =>
            new StoredReference { LetterVersionId = v.Row.Id, Number = r.Number, Key = r.Key, Text = r.Text, PubMedId = r.PubMedId, Doi = r.Doi }));
        await engine.InsertAsync(db, references.ToList(), keysBack: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new version's row, written by the engine's bulk insert (never tracked by the context).</summary>
    private StoredLetterVersion VersionRow(LetterToWrite source, int number)
    {
        var metadata = source.Metadata;
        return new StoredLetterVersion
        {
            LetterId = metadata.Id,
            Number = number,
            ContentHash = source.ContentHash,
            ImportedAtUtc = now,
            Title = metadata.Title,
            DocumentKind = metadata.DocumentKind,
            Status = metadata.Status,
            Audience = metadata.Audience.Kind,
            LastUpdated = metadata.LastUpdated,
            ReviewBy = metadata.ReviewBy,
            SourcePath = source.RelativePath,
            SourceText = source.Text,
            CompressedModel = source.CompressedModel,
            FigureFiles = source.Figures.Count == 0 ? null : string.Join('\n', source.Figures.Select(f => f.ContentPath)),
        };
    }

    /// <summary>Products are shared by brand; the generic name and link of the last letter in the files' order win.</summary>
    private StoredProduct Product(Product product)
    {
        if (!products.TryGetValue(product.Brand, out var stored))
        {
            stored = new StoredProduct { Brand = product.Brand, Slug = product.Slug, Generic = product.Generic };
            db.Products.Add(stored);
            products.Add(product.Brand, stored);
        }

        stored.Generic = product.Generic;
        stored.PrescribingInformationUrl = product.PrescribingInformationUrl;
        return stored;
    }

    /// <summary>A version to write: its row, the letter it was read from, and its products (saved before it, in the front matter's order).</summary>
    private sealed record NewVersion(StoredLetterVersion Row, LetterToWrite Source, IReadOnlyList<StoredProduct> Products);
}

/// <summary>What an import remembers of a letter it read: which file, and the hash the store holds for it after.</summary>
internal sealed record LetterRead(string LetterId, string RelativePath, string ContentHash, FileStamp? Stamp);
