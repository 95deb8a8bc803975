using MedInfo.Content;
using MedInfo.Letters;
using MedInfo.Store.Entities;
using MedInfo.Store.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MedInfo.Store.Import;

/// <summary>
/// Loads a content folder into the store, all or nothing: if any file has an error, nothing from the run is
/// written. A changed file becomes a new version of its letter; an unchanged one (same hash) writes nothing;
/// a letter whose file is gone is retired (kept with its history, no longer listed).
/// </summary>
public sealed class LetterImporter(IDbContextFactory<MedInfoDb> dbFactory, TimeProvider time, StoreChanges? changes = null)
{
    private static readonly (string Name, System.Data.DbType Type)[] ReferenceParameters =
    [
        ("@version", System.Data.DbType.Int32), ("@number", System.Data.DbType.Int32), ("@key", System.Data.DbType.String),
        ("@text", System.Data.DbType.String), ("@pmid", System.Data.DbType.String), ("@doi", System.Data.DbType.String),
    ];

    /// <summary>The PostgreSQL advisory lock that lets one import at a time run (any fixed number; "MIIMPORT" in ASCII).</summary>
    private const long ImportLockKey = 0x4D49_494D_504F_5254;

    public async Task<ImportReport> ImportAsync(string contentRoot, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsNpgsql())
        {
            // Portals sharing one PostgreSQL database may import at once (two started on an empty store both load
            // content/). One at a time, each from what the one before wrote: the lock is taken before the store is
            // read and held on this connection until the import ends (closing the connection releases it too).
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({ImportLockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                return await ImportLockedAsync(db, contentRoot, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await UnlockAsync(db).ConfigureAwait(false);
            }
        }

        return await ImportLockedAsync(db, contentRoot, progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task UnlockAsync(MedInfoDb db)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({ImportLockKey})", CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock went with it; the import's own error is the one to report.
        }
    }

    private async Task<ImportReport> ImportLockedAsync(MedInfoDb db, string contentRoot, IProgress<int>? progress, CancellationToken cancellationToken)
    {

        // What the store holds now, without the versions' large columns: an unchanged file (same path, same hash)
        // is not parsed again, so a re-import of a large tree costs little more than reading and hashing it.
        var stored = await db.Letters.AsNoTracking()
            .Select(l => new { l.Id, l.SourcePath, l.IsRetired, Hash = l.CurrentVersion == null ? null : l.CurrentVersion.ContentHash, VersionId = l.CurrentVersionId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var known = stored.Where(l => !l.IsRetired && l.Hash is not null)
            .GroupBy(l => l.SourcePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new KnownLetter(g.First().Id, g.First().Hash!), StringComparer.Ordinal);
        var read = await ContentTreeReader.ReadAsync(contentRoot, progress, known, cancellationToken).ConfigureAwait(false);
        if (read.HasErrors)
        {
            return new ImportReport(read.FileCount, 0, 0, 0, 0, read.Diagnostics, Written: false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await db.Letters.ToDictionaryAsync(l => l.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var currentHashes = stored.Where(l => l.Hash is not null).ToDictionary(l => l.Id, l => l.Hash!, StringComparer.Ordinal);
        var products = await db.Products.ToDictionaryAsync(p => p.Brand, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;

        // One query for every letter's highest version number, not one per changed letter.
        var lastNumbers = await db.LetterVersions.GroupBy(v => v.LetterId)
            .Select(g => new { LetterId = g.Key, Number = g.Max(v => v.Number) })
            .ToDictionaryAsync(x => x.LetterId, x => x.Number, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        var unchanged = read.Unchanged.Count;
        int newLetters = 0, newVersions = 0;
        var changed = new List<(StoredLetter Letter, StoredLetterVersion Version, LetterSource Source, int? IndexedVersionId, bool WasRetired)>();
        foreach (var source in read.Letters)
        {
            var id = source.Letter.Metadata.Id;
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
            var version = NewVersion(source, lastNumbers.GetValueOrDefault(id) + 1, now, products, db);
            letter.Versions.Add(version);
            letter.SourcePath = source.RelativePath;
            var wasRetired = letter.IsRetired;
            letter.IsRetired = false;
            letter.RetiredAtUtc = null;
            changed.Add((letter, version, source, indexedVersionId, wasRetired));
        }

        var seen = read.Letters.Select(s => s.Letter.Metadata.Id).Concat(read.Unchanged.Select(u => u.LetterId)).ToHashSet(StringComparer.Ordinal);
        var retired = existing.Values.Where(l => !l.IsRetired && !seen.Contains(l.Id)).ToList();
        foreach (var letter in retired)
        {
            letter.IsRetired = true;
            letter.RetiredAtUtc = now;
        }

        // Two saves in one transaction: a letter points at its current version and the version at its letter,
        // so the versions are written first and the pointers after.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await InsertReferencesAsync(db, changed.Select(c => (c.Version.Id, c.Source.Letter)), cancellationToken).ConfigureAwait(false);
        var index = new SearchIndexWriter(db);
        var indexChanges = new List<IndexChange>();
        foreach (var (letter, version, source, indexedVersionId, wasRetired) in changed)
        {
            letter.CurrentVersion = version;
            switch (source.Letter.Metadata.Status)
            {
                case LetterStatus.Published:
                    // Readers move to the new version: its index row replaces the one of the version it follows.
                    letter.PublishedVersion = version;
                    indexChanges.Add(new IndexChange(letter.Id, indexedVersionId, version.Id, source.Letter));
                    break;
                case LetterStatus.Retired:
                    // Retired by its status: readers no longer find it, its published versions stay on record.
                    letter.PublishedVersion = null;
                    letter.PublishedVersionId = null; // the navigation was never loaded, so clearing it alone changes nothing
                    await index.RemoveAsync(letter.Id, indexedVersionId, cancellationToken).ConfigureAwait(false);
                    break;
                case LetterStatus.Draft when wasRetired && letter.PublishedVersionId is { } publishedId:
                    // A file put back as a draft: readers see its last published version again, so it is indexed again.
                    indexChanges.Add(new IndexChange(letter.Id, null, publishedId, await PublishedModelAsync(db, publishedId, cancellationToken).ConfigureAwait(false)));
                    break;
                default:
                    break; // a draft: readers keep the published version, and the index keeps its row
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await index.ReplaceAsync(indexChanges, cancellationToken).ConfigureAwait(false);
        foreach (var letter in retired)
        {
            await index.RemoveAsync(letter.Id, letter.PublishedVersionId, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        changes?.LettersChanged();
        return new ImportReport(read.FileCount, newLetters, newVersions, unchanged, retired.Count, read.Diagnostics, Written: true);
    }

    private static async Task<Letter> PublishedModelAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken) =>
        LetterJson.Read(await db.LetterVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.ModelJson)
            .SingleAsync(cancellationToken).ConfigureAwait(false));

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
            Status = metadata.Status,
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

        return version;
    }

    /// <summary>
    /// The references of the new versions, in the import's transaction, without EF's change tracking: a letter has a
    /// dozen or more, and row-by-row tracking made them most of a large import's time. On SQLite one prepared
    /// command; on PostgreSQL one binary COPY.
    /// </summary>
    private static async Task InsertReferencesAsync(MedInfoDb db, IEnumerable<(int VersionId, Letter Letter)> versions, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
        {
            await CopyReferencesAsync(postgres, versions, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = "INSERT INTO \"References\" (\"LetterVersionId\", \"Number\", \"Key\", \"Text\", \"PubMedId\", \"Doi\") VALUES (@version, @number, @key, @text, @pmid, @doi)";
        var parameters = ReferenceParameters.Select(p =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = p.Name;
            parameter.DbType = p.Type;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (versionId, letter) in versions)
        {
            foreach (var reference in letter.References)
            {
                parameters[0].Value = versionId;
                parameters[1].Value = reference.Number;
                parameters[2].Value = reference.Key;
                parameters[3].Value = reference.Text;
                parameters[4].Value = (object?)reference.PubMedId ?? DBNull.Value;
                parameters[5].Value = (object?)reference.Doi ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// PostgreSQL's way: one binary COPY in the import's transaction. Row by row, every reference is a round trip to
    /// the server, which SQLite in the same process never pays.
    /// </summary>
    private static async Task CopyReferencesAsync(NpgsqlConnection connection, IEnumerable<(int VersionId, Letter Letter)> versions, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"References\" (\"LetterVersionId\", \"Number\", \"Key\", \"Text\", \"PubMedId\", \"Doi\") FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        foreach (var (versionId, letter) in versions)
        {
            foreach (var reference in letter.References)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(versionId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(reference.Number, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(reference.Key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(reference.Text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteTextOrNullAsync(copy, reference.PubMedId, cancellationToken).ConfigureAwait(false);
                await WriteTextOrNullAsync(copy, reference.Doi, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteTextOrNullAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

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
