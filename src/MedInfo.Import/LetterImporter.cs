using System.Collections.Concurrent;
using System.Globalization;
using MedInfo.Content;
using MedInfo.Letters;
using MedInfo.Store;
using MedInfo.Store.Engines;
using MedInfo.Store.Entities;
using MedInfo.Store.Search;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Import;

/// <summary>
/// Loads a content folder into the store, all or nothing: if any file has an error, nothing from the run is
/// written. A changed file becomes a new version of its letter; an unchanged one (same hash) writes nothing;
/// a letter whose file is gone is retired (kept with its history, no longer listed).
/// </summary>
public sealed class LetterImporter(IDbContextFactory<MedInfoDb> dbFactory, TimeProvider time, StoreChanges changes)
{
    /// <summary>How often an import reads content/ again because another import wrote first, before it gives up.</summary>
    private const int Attempts = 5;

    /// <summary>
    /// Each file's stamp when this process last imported it, with the hash it had then (by full path): a file whose
    /// stamp has not moved is not read again while the store holds that hash. An editor's save in a tree of
    /// 10,000 letters then costs one file's read, not every file's.
    /// </summary>
    private readonly ConcurrentDictionary<string, (FileStamp Stamp, string Hash)> stamps = new(StringComparer.Ordinal);

    public async Task<ImportReport> ImportAsync(string contentRoot, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        // Portals sharing one database may import at once (two started on an empty store both load content/). Each
        // reads content/ against what the store holds, then writes in a transaction that waits for the import turn;
        // if another import wrote in between, it reads again from what that one wrote.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await TryImportAsync(db, contentRoot, progress, cancellationToken).ConfigureAwait(false) is { } report)
            {
                return report;
            }

            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Other imports kept writing to the store while this one read content/ ({Attempts.ToString(CultureInfo.InvariantCulture)} times); nothing was written. Import again.");
            }
        }
    }

    /// <summary>The report, or null when another import wrote after this one read the store (nothing written).</summary>
    private async Task<ImportReport?> TryImportAsync(MedInfoDb db, string contentRoot, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var engine = StoreEngine.For(db);
        var before = await ImportMark.ReadAsync(db, cancellationToken).ConfigureAwait(false);

        // What the store holds now, without the versions' large columns: an unchanged file (same path, same hash)
        // is not parsed again, so a re-import of a large tree costs little more than reading and hashing it.
        var stored = await db.Letters.AsNoTracking()
            .Select(l => new { l.Id, l.SourcePath, l.IsRetired, Hash = l.CurrentVersion == null ? null : l.CurrentVersion.ContentHash, VersionId = l.CurrentVersionId, FigureFiles = l.CurrentVersion == null ? null : l.CurrentVersion.FigureFiles })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var known = stored.Where(l => !l.IsRetired && l.Hash is not null)
            .GroupBy(l => l.SourcePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new KnownLetter(g.First().Id, g.First().Hash!, g.First().FigureFiles?.Split('\n'), StampOf(contentRoot, g.Key, g.First().Hash!)), StringComparer.Ordinal);
        var read = await ContentTreeReader.ReadAsync(contentRoot, LetterToWrite.From, progress, known, cancellationToken).ConfigureAwait(false);
        if (read.HasErrors)
        {
            return new ImportReport(read.FileCount, 0, 0, 0, 0, read.Diagnostics, Written: false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await engine.TakeTurnAsync(db, WriterTurn.Import, cancellationToken).ConfigureAwait(false);
        if (await ImportMark.ReadAsync(db, cancellationToken).ConfigureAwait(false) != before)
        {
            return null; // what was read is out of date: the transaction rolls back, having written nothing
        }

        var existing = await db.Letters.ToDictionaryAsync(l => l.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var currentHashes = stored.Where(l => l.Hash is not null).ToDictionary(l => l.Id, l => l.Hash!, StringComparer.Ordinal);
        var products = await db.Products.ToDictionaryAsync(p => p.Brand, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;

        // One query for every letter's highest version number, not one per changed letter.
        var lastNumbers = await db.LetterVersions.GroupBy(v => v.LetterId)
            .Select(g => new { LetterId = g.Key, Number = g.Max(v => v.Number) })
            .ToDictionaryAsync(x => x.LetterId, x => x.Number, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        await AddFigureImagesAsync(db, read.Letters, cancellationToken).ConfigureAwait(false);
        var unchanged = read.Unchanged.Count;
        int newLetters = 0, newVersions = 0;
        var changed = new List<(StoredLetter Letter, NewVersion Version, int? IndexedVersionId, bool WasRetired)>();
        foreach (var source in read.Letters)
        {
            var id = source.Metadata.Id;
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

            // The index holds the version readers see (the published one of a letter that is not retired).
            var indexedVersionId = letter.IsRetired ? null : letter.PublishedVersionId;
            var version = new NewVersion(VersionRow(source, lastNumbers.GetValueOrDefault(id) + 1, now), source, [.. source.Metadata.Products.Select(p => Product(p, products, db))]);
            letter.SourcePath = source.RelativePath;
            var wasRetired = letter.IsRetired;
            letter.IsRetired = false;
            letter.RetiredAtUtc = null;
            changed.Add((letter, version, indexedVersionId, wasRetired));
        }

        var seen = read.Letters.Select(s => s.Metadata.Id).Concat(read.Unchanged.Select(u => u.LetterId)).ToHashSet(StringComparer.Ordinal);
        var retired = existing.Values.Where(l => !l.IsRetired && !seen.Contains(l.Id)).ToList();
        foreach (var letter in retired)
        {
            letter.IsRetired = true;
            letter.RetiredAtUtc = now;
        }

        // A letter points at its current version and the version at its letter: the letters are written first,
        // then the versions (in bulk: thousands of large rows in a cold import), then the pointers.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await WriteVersionsAsync(db, engine, changed.Select(c => c.Version).ToList(), cancellationToken).ConfigureAwait(false);
        var index = new SearchIndexWriter(db);
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
                    indexChanges.Add(new IndexChange(letter.Id, null, publishedId, await PublishedSearchTextAsync(db, publishedId, cancellationToken).ConfigureAwait(false)));
                    break;
                default:
                    break; // a draft: readers keep the published version, and the index keeps its row
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await index.ReplaceAsync(indexChanges, cancellationToken).ConfigureAwait(false);
        await index.ReplaceEditorsSynonymsAsync(read.Synonyms ?? [], cancellationToken).ConfigureAwait(false);
        foreach (var letter in retired)
        {
            await index.RemoveAsync(letter.Id, letter.PublishedVersionId, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        changes.LettersChanged();
        Remember(contentRoot, read, known);
        return new ImportReport(read.FileCount, newLetters, newVersions, unchanged, retired.Count, read.Diagnostics, Written: true);
    }

    /// <summary>The stamp remembered for a file, when it was remembered with the hash the store holds now.</summary>
    private FileStamp? StampOf(string contentRoot, string relativePath, string storedHash) =>
        stamps.TryGetValue(Path.Join(contentRoot, relativePath), out var kept) && kept.Hash == storedHash ? kept.Stamp : null;

    /// <summary>After a written import: each file's trusted stamp with the hash the store now holds for it.</summary>
    private void Remember(string contentRoot, ContentReadResult<LetterToWrite> read, Dictionary<string, KnownLetter> known)
    {
        var seen = read.Letters.Select(l => (l.RelativePath, l.Stamp, Hash: l.ContentHash))
            .Concat(read.Unchanged.Select(u => (u.RelativePath, u.Stamp, Hash: known[u.RelativePath].ContentHash)));
        foreach (var (path, stamp, hash) in seen)
        {
            var full = Path.Join(contentRoot, path);
            if (stamp is { } trusted)
            {
                stamps[full] = (trusted, hash);
            }
            else
            {
                stamps.TryRemove(full, out _); // written too recently to trust its stamp: read it next time
            }
        }
    }

    /// <summary>The images of the letters being written that the store does not hold yet, each once (they are kept by content).</summary>
    private static async Task AddFigureImagesAsync(MedInfoDb db, IReadOnlyList<LetterToWrite> sources, CancellationToken cancellationToken)
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

    private static async Task<SearchText> PublishedSearchTextAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken) =>
        SearchText.From(await LetterJson.ReadStoredAsync(db, versionId, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The new versions and what hangs on them (products, figures, references), each kind in one bulk insert: a cold
    /// import writes tens of thousands of rows, versions of tens of kilobytes each. The versions get their ids here.
    /// </summary>
    private static async Task WriteVersionsAsync(MedInfoDb db, IStoreEngine engine, IReadOnlyList<NewVersion> versions, CancellationToken cancellationToken)
    {
        await engine.InsertAsync(db, versions.Select(v => v.Row).ToList(), keysBack: true, cancellationToken).ConfigureAwait(false);
        var products = versions.SelectMany(v => v.Products.Select((product, position) =>
            new LetterVersionProduct { LetterVersionId = v.Row.Id, ProductId = product.Id, Position = position }));
        await engine.InsertAsync(db, products.ToList(), keysBack: false, cancellationToken).ConfigureAwait(false);
        var figures = versions.SelectMany(v => v.Source.Figures.Select(f => f.Image.Sha256).Distinct(StringComparer.Ordinal)
            .Select(sha => new LetterVersionFigure { LetterVersionId = v.Row.Id, Sha256 = sha }));
        await engine.InsertAsync(db, figures.ToList(), keysBack: false, cancellationToken).ConfigureAwait(false);
        var references = versions.SelectMany(v => v.Source.References.Select(r =>
            new StoredReference { LetterVersionId = v.Row.Id, Number = r.Number, Key = r.Key, Text = r.Text, PubMedId = r.PubMedId, Doi = r.Doi }));
        await engine.InsertAsync(db, references.ToList(), keysBack: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new version's row, written by the engine's bulk insert (never tracked by the context).</summary>
    private static StoredLetterVersion VersionRow(LetterToWrite source, int number, DateTime now)
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

    /// <summary>Products are shared by brand; the newest import's generic name and link win.</summary>
    private static StoredProduct Product(Product product, Dictionary<string, StoredProduct> products, MedInfoDb db)
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

    /// <summary>
    /// What every import that writes changes: a new version has a higher id, a letter whose file is gone is
    /// retired. Equal marks before reading and in the turn mean nobody else imported in between.
    /// </summary>
    private sealed record ImportMark(int LastVersionId, int Retired)
    {
        public static async Task<ImportMark> ReadAsync(MedInfoDb db, CancellationToken cancellationToken) => new(
            await db.LetterVersions.MaxAsync(v => (int?)v.Id, cancellationToken).ConfigureAwait(false) ?? 0,
            await db.Letters.CountAsync(l => l.IsRetired, cancellationToken).ConfigureAwait(false));
    }
}
