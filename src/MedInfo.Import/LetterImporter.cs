using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using MedInfo.Content;
using MedInfo.Store;
using MedInfo.Store.Engines;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Import;

/// <summary>
/// Loads a content folder into the store, all or nothing: if any file has an error, nothing from the run is
/// written. A changed file becomes a new version of its letter; an unchanged one (same hash) writes nothing;
/// a letter whose file is gone is retired (kept with its history, no longer listed).
/// </summary>
public sealed class LetterImporter(IDbContextFactory<MedInfoDb> dbFactory, TimeProvider time, StoreChanges changes)
{
    /// <summary>
    /// Each file's stamp when this process last imported it, with the hash it had then (by full path): a file whose
    /// stamp has not moved is not read again while the store holds that hash. An editor's save in a tree of
    /// 10,000 letters then costs one file's read, not every file's.
    /// </summary>
    private readonly ConcurrentDictionary<string, (FileStamp Stamp, string Hash)> stamps = new(StringComparer.Ordinal);

    public async Task<ImportReport> ImportAsync(string contentRoot, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var engine = StoreEngine.For(db);

        // A store without letters yet is filled in one go, however the engine does that best; undone after the
        // transaction (declared after this, so ended before it).
        await using var firstLoad = await db.Letters.AnyAsync(cancellationToken).ConfigureAwait(false)
            ? null
            : await engine.BeginFirstLoadAsync(db, cancellationToken).ConfigureAwait(false);

        // Portals sharing one database may import at once (two started on an empty store both load content/): each
        // takes the import turn before it reads what the store holds, so the second finds what the first wrote. The
        // letters are written while the files after them are read, in one transaction that an error rolls back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await engine.TakeTurnAsync(db, WriterTurn.Import, cancellationToken).ConfigureAwait(false);

        // What the store holds now, without the versions' large columns: an unchanged file (same path, same hash)
        // is not parsed again, so a re-import of a large tree costs little more than reading and hashing it.
        var stored = await db.Letters.AsNoTracking()
            .Select(l => new { l.Id, l.SourcePath, l.IsRetired, Hash = l.CurrentVersion == null ? null : l.CurrentVersion.ContentHash, FigureFiles = l.CurrentVersion == null ? null : l.CurrentVersion.FigureFiles })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var known = stored.Where(l => !l.IsRetired && l.Hash is not null)
            .GroupBy(l => l.SourcePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new KnownLetter(g.First().Id, g.First().Hash!, g.First().FigureFiles?.Split('\n'), StampOf(contentRoot, g.Key, g.First().Hash!)), StringComparer.Ordinal);
        var currentHashes = stored.Where(l => l.Hash is not null).ToDictionary(l => l.Id, l => l.Hash!, StringComparer.Ordinal);
        var writer = await ImportWriter.StartAsync(db, currentHashes, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);

        var letters = Channel.CreateUnbounded<LetterToWrite>(new UnboundedChannelOptions { SingleReader = true });
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = Task.Run(() => writer.WriteAsync(letters.Reader, stopWriting.Token), CancellationToken.None);
        ContentReadResult<LetterToWrite> read;
        try
        {
            // The read goes on to the end even if writing fails: the editor's errors in the files come first.
            read = await ContentTreeReader.ReadAndSendAsync(contentRoot, LetterToWrite.From, letters.Writer, progress, known, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopAsync(writing, stopWriting).ConfigureAwait(false);
            throw;
        }

        if (read.HasErrors)
        {
            await StopAsync(writing, stopWriting).ConfigureAwait(false);
            return new ImportReport(read.FileCount, 0, 0, 0, 0, read.Diagnostics, Written: false); // the transaction rolls back
        }

        await writing.ConfigureAwait(false);
        var report = await writer.FinishAsync(read, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        changes.LettersChanged();
        Remember(contentRoot, writer.Read, read.Unchanged, known);
        return report;
    }

    /// <summary>Stops the writer and waits for it, whatever it says: what it wrote is rolled back, and the import
    /// reports why it stopped (the files' errors, or the read's failure), which is what any failure of the writer
    /// then follows from (two files claiming one id, say).</summary>
    private static async Task StopAsync(Task writing, CancellationTokenSource stopWriting)
    {
        await stopWriting.CancelAsync().ConfigureAwait(false);
        try
        {
            await writing.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or DbException or DbUpdateException or InvalidOperationException)
        {
            // Reported as above.
        }
    }

    /// <summary>The stamp remembered for a file, when it was remembered with the hash the store holds now.</summary>
    private FileStamp? StampOf(string contentRoot, string relativePath, string storedHash) =>
        stamps.TryGetValue(Path.Join(contentRoot, relativePath), out var kept) && kept.Hash == storedHash ? kept.Stamp : null;

    /// <summary>After a written import: each file's trusted stamp with the hash the store now holds for it.</summary>
    private void Remember(string contentRoot, IReadOnlyList<LetterRead> written, IReadOnlyList<UnchangedSource> unchanged, Dictionary<string, KnownLetter> known)
    {
        var seen = written.Select(l => (l.RelativePath, l.Stamp, Hash: l.ContentHash))
            .Concat(unchanged.Select(u => (u.RelativePath, u.Stamp, Hash: known[u.RelativePath].ContentHash)));
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
}
