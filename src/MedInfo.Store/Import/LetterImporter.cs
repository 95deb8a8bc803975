using MedInfo.Content;
using MedInfo.Letters;
using MedInfo.Store.Entities;
using MedInfo.Store.Search;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Import;

/// <summary>
/// Loads a content folder into the store, all or nothing: if any file has an error, nothing from the run is
/// written. A changed file becomes a new version of its letter; an unchanged one (same hash) writes nothing;
/// a letter whose file is gone is retired (kept with its history, no longer listed).
/// </summary>
public sealed class LetterImporter(IDbContextFactory<MedInfoDb> dbFactory, TimeProvider time, StoreChanges? changes = null)
{
    public async Task<ImportReport> ImportAsync(string contentRoot, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var read = await ContentTreeReader.ReadAsync(contentRoot, progress, cancellationToken).ConfigureAwait(false);
        if (read.HasErrors)
        {
            return new ImportReport(read.FileCount, 0, 0, 0, 0, read.Diagnostics, Written: false);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var existing = await db.Letters
            .Include(l => l.CurrentVersion)
            .ToDictionaryAsync(l => l.Id, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);
        var products = await db.Products.ToDictionaryAsync(p => p.Brand, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;

        // One query for every letter's highest version number, not one per changed letter.
        var lastNumbers = await db.LetterVersions.GroupBy(v => v.LetterId)
            .Select(g => new { LetterId = g.Key, Number = g.Max(v => v.Number) })
            .ToDictionaryAsync(x => x.LetterId, x => x.Number, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        int newLetters = 0, newVersions = 0, unchanged = 0;
        var changed = new List<(StoredLetter Letter, StoredLetterVersion Version, LetterSource Source, int? IndexedVersionId)>();
        foreach (var source in read.Letters)
        {
            var id = source.Letter.Metadata.Id;
            if (existing.TryGetValue(id, out var letter) && letter.CurrentVersion?.ContentHash == source.ContentHash && !letter.IsRetired)
            {
                letter.SourcePath = source.RelativePath;
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

            var indexedVersionId = letter.IsRetired ? null : letter.CurrentVersionId;
            var version = NewVersion(source, lastNumbers.GetValueOrDefault(id) + 1, now, products, db);
            letter.Versions.Add(version);
            letter.SourcePath = source.RelativePath;
            letter.IsRetired = false;
            letter.RetiredAtUtc = null;
            changed.Add((letter, version, source, indexedVersionId));
        }

        var seen = read.Letters.Select(s => s.Letter.Metadata.Id).ToHashSet(StringComparer.Ordinal);
        var retired = existing.Values.Where(l => !l.IsRetired && !seen.Contains(l.Id)).ToList();
        foreach (var letter in retired)
        {
            letter.IsRetired = true;
            letter.RetiredAtUtc = now;
        }

        // Two saves in one transaction: a letter points at its current version and the version at its letter,
        // so the versions are written first and the pointers after.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (letter, version, _, _) in changed)
        {
            letter.CurrentVersion = version;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var index = new SearchIndexWriter(db);
        foreach (var (letter, version, source, indexedVersionId) in changed)
        {
            await index.ReplaceAsync(letter.Id, indexedVersionId, version.Id, source.Letter, cancellationToken).ConfigureAwait(false);
        }

        foreach (var letter in retired)
        {
            await index.RemoveAsync(letter.Id, letter.CurrentVersionId, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        changes?.LettersChanged();
        return new ImportReport(read.FileCount, newLetters, newVersions, unchanged, retired.Count, read.Diagnostics, Written: true);
    }

    private static StoredLetterVersion NewVersion(LetterSource source, int number, DateTime now, Dictionary<string, StoredProduct> products, MedInfoDb db)
    {
        var metadata = source.Letter.Metadata;
        var version = new StoredLetterVersion
        {
            LetterId = metadata.Id,
            Number = number,
            ContentHash = source.ContentHash,
            ImportedAtUtc = now,
            Title = metadata.Title,
            DocumentKind = metadata.DocumentKind,
            Status = metadata.Status.ToString().ToLowerInvariant(),
            LastUpdated = metadata.LastUpdated,
            ReviewBy = metadata.ReviewBy,
            SourcePath = source.RelativePath,
            SourceText = source.Text,
            ModelJson = LetterJson.Write(source.Letter),
        };

        for (var i = 0; i < metadata.Products.Count; i++)
        {
            version.Products.Add(new LetterVersionProduct { Position = i, Product = Product(metadata.Products[i], products, db) });
        }

        version.References.AddRange(source.Letter.References.Select(r => new StoredReference
        {
            Number = r.Number,
            Key = r.Key,
            Text = r.Text,
            PubMedId = r.PubMedId,
            Doi = r.Doi,
        }));
        return version;
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
}
