using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Audit;

/// <summary>A letter version as it went into an export.</summary>
public sealed record ExportedLetter(string LetterId, int VersionNumber, string ContentHash);

/// <summary>
/// What an export is, before it is recorded. <paramref name="KeepRequest"/> false records the request's number
/// only: a package answering a request on the desk leaves the requester's details with the request, where they
/// are erased after the retention period.
/// </summary>
public sealed record NewExport(string Kind, string? UserName, string Source, IReadOnlyList<ExportedLetter> Letters, HcpRequest? Request = null, bool KeepRequest = true)
{
    public const string LetterKind = "letter";
    public const string PackageKind = "package";
}

/// <summary>A recorded export, as staff pages show it.</summary>
public sealed record ExportRecordView(
    long Id,
    DateTime AtUtc,
    string Kind,
    string? UserName,
    string Source,
    string? RequestNumber,
    HcpRequest? Request,
    IReadOnlyList<ExportedLetter> Letters,
    string PdfSha256,
    long PdfSize,
    string PreviousHash,
    string RecordHash);

/// <summary>Filters for the staff list of exports; every part is optional.</summary>
public sealed record ExportQuery(string? Text = null, DateOnly? From = null, DateOnly? To = null, string? Kind = null, int Limit = 500);

/// <summary>The outcome of checking the whole chain: how many records, and each break found (empty when intact).</summary>
public sealed record AuditVerification(int Records, IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>A kept PDF whose bytes were checked against the hash recorded when it was sent.</summary>
public sealed record VerifiedPdf(ExportRecordView Record, byte[] Content);

/// <summary>When and why a kept PDF was erased.</summary>
public sealed record ErasedFile(DateTime ErasedUtc, string Reason);

/// <summary>The kept PDF was erased under the retention rule; its record and hash remain.</summary>
public sealed class ExportFileErasedException(string message) : MedInfoException(message, ProblemKind.Gone);

/// <summary>The kept PDF no longer matches the hash recorded for it: the store was changed outside the app.</summary>
public sealed class AuditIntegrityException(string message) : MedInfoException(message, ProblemKind.Integrity);

/// <summary>
/// The export audit trail: append-only records of every PDF sent, each chained to the one before by hash, and the
/// PDF bytes themselves. There is deliberately no method that changes or removes a record.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<MedInfoDb> factory, TimeProvider time, AuditCheckpoint checkpoint) : IDisposable
{
    /// <summary>The chain's start: the "previous hash" of the first record.</summary>
    public const string GenesisHash = HashChain.Genesis;

    // One writer at a time in this process, so two exports never chain to the same previous record.
    private readonly SemaphoreSlim writer = new(1, 1);

    public async Task<ExportRecordView> RecordAsync(NewExport export, byte[] pdf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(pdf);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Portals sharing one database each export: the engine's turn makes them chain one after another (the
            // semaphore above only orders this process's exports).
            await Engines.StoreEngine.For(db).TakeTurnAsync(db, Engines.WriterTurn.AuditChain, cancellationToken).ConfigureAwait(false);

            if (!await db.ExportFiles.AnyAsync(f => f.Sha256 == sha, cancellationToken).ConfigureAwait(false))
            {
                db.ExportFiles.Add(new ExportFile { Sha256 = sha, Content = pdf });
            }

            var previous = await db.ExportRecords.OrderByDescending(r => r.Id).Select(r => r.RecordHash)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? GenesisHash;
            var record = new ExportRecord
            {
                AtUtc = StoredTime.Now(time),
                Kind = export.Kind,
                UserName = export.UserName,
                Source = export.Source,
                RequestNumber = export.Request?.RequestNumber,
                RequestJson = export.Request is null || !export.KeepRequest ? null : JsonSerializer.Serialize(export.Request),
                PdfSha256 = sha,
                PdfSize = pdf.LongLength,
                PreviousHash = previous,
                RecordHash = string.Empty,
            };
            record.Letters.AddRange(export.Letters.Select((l, i) => new ExportRecordLetter
            {
                Position = i + 1, LetterId = l.LetterId, VersionNumber = l.VersionNumber, ContentHash = l.ContentHash,
            }));
            record.RecordHash = HashOf(record);
            db.ExportRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            await checkpoint.WriteAsync(new ChainHead(record.Id, record.RecordHash), CancellationToken.None).ConfigureAwait(false);
            return ToView(record);
        }
        finally
        {
            writer.Release();
        }
    }

    public async Task<IReadOnlyList<ExportRecordView>> ListAsync(ExportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var records = db.ExportRecords.AsNoTracking().Include(r => r.Letters).AsQueryable();
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            records = records.Where(r => r.AtUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            records = records.Where(r => r.AtUtc < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            records = records.Where(r => r.Kind == query.Kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Plain substring match, any case, the same on SQLite and PostgreSQL (whose LIKE heeds case): both sides
            // lower-cased. EF parameterises it; LIKE wildcards in the text are escaped.
            var pattern = "%" + query.Text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // ToLower here is SQL's lower(), not .NET's: it never runs with a culture
            records = records.Where(r =>
                EF.Functions.Like((r.RequestNumber ?? string.Empty).ToLower(), pattern, "\\") ||
                EF.Functions.Like((r.UserName ?? string.Empty).ToLower(), pattern, "\\") ||
                EF.Functions.Like((r.RequestJson ?? string.Empty).ToLower(), pattern, "\\") ||
                r.Letters.Any(l => EF.Functions.Like(l.LetterId.ToLower(), pattern, "\\")));
#pragma warning restore CA1304, CA1311
        }

        var rows = await records.OrderByDescending(r => r.Id).Take(Math.Clamp(query.Limit, 1, 10_000))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToView).ToList();
    }

    public async Task<ExportRecordView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.ExportRecords.AsNoTracking().Include(r => r.Letters)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return record is null ? null : ToView(record);
    }

    /// <summary>The PDF exactly as it was sent, checked against its recorded hash; null for an unknown record.</summary>
    public async Task<VerifiedPdf?> GetPdfAsync(long id, CancellationToken cancellationToken = default)
    {
        var record = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var file = await db.ExportFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Sha256 == record.PdfSha256, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            throw await ErasureOfAsync(record.PdfSha256, cancellationToken).ConfigureAwait(false) is { } erased
                ? new ExportFileErasedException($"Export {id}: its PDF was erased on {erased.ErasedUtc:yyyy-MM-dd} ({erased.Reason}); the record and the PDF's hash remain.")
                : new AuditIntegrityException($"Export {id}: its PDF ({record.PdfSha256}) is missing from the store.");
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        return actual == record.PdfSha256 && file.Content.LongLength == record.PdfSize
            ? new VerifiedPdf(record, file.Content)
            : throw new AuditIntegrityException($"Export {id}: the kept PDF hashes to {actual}, not the recorded {record.PdfSha256}.");
    }

    /// <summary>When and why the kept PDF with this SHA-256 was erased; null when it was not.</summary>
    public async Task<ErasedFile?> ErasureOfAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ErasedExportFiles.AsNoTracking().Where(f => f.Sha256 == sha256)
            .Select(f => new ErasedFile(DateTime.SpecifyKind(f.ErasedUtc, DateTimeKind.Utc), f.Reason)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Recomputes every record's hash from its fields and the record before it. A record changed outside the app
    /// no longer matches its hash; a record removed leaves the next one pointing at a hash that is not there.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var records = await db.ExportRecords.AsNoTracking().Include(r => r.Letters).OrderBy(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var problems = HashChain.Breaks(records.Select(r => new ChainLink(r.Id, r.PreviousHash, r.RecordHash, HashOf(r))), "Record").ToList();
        if (await checkpoint.FindLossAsync(id => records.Where(r => r.Id == id).Select(r => r.RecordHash).FirstOrDefault(), cancellationToken).ConfigureAwait(false) is { } lost)
        {
            problems.Add(lost);
        }

        return new AuditVerification(records.Count, problems);
    }

    /// <summary>At start-up: the trail still holds the record the checkpoint names; see <see cref="AuditCheckpoint.CheckAsync"/>.</summary>
    /// <exception cref="StoreProblemException">Records the checkpoint saw are gone.</exception>
    public Task CheckAgainstCheckpointAsync(CancellationToken cancellationToken = default) =>
        checkpoint.CheckAsync(HashOfRecordAsync, NewestAsync, cancellationToken);

    /// <summary>After a restore on purpose: see <see cref="AuditCheckpoint.AcceptRestoredAsync"/>.</summary>
    public Task<string?> AcceptRestoredTrailAsync(CancellationToken cancellationToken = default) =>
        checkpoint.AcceptRestoredAsync(HashOfRecordAsync, NewestAsync, cancellationToken);

    private async Task<string?> HashOfRecordAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExportRecords.AsNoTracking().Where(r => r.Id == id).Select(r => r.RecordHash).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChainHead?> NewestAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExportRecords.AsNoTracking().OrderByDescending(r => r.Id).Select(r => new ChainHead(r.Id, r.RecordHash))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The records as CSV (RFC 4180), one line per export, for the records staff keep elsewhere.</summary>
    public async Task WriteCsvAsync(TextWriter writer, ExportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync("id,utc_time,kind,user,source,request_number,letters,pdf_sha256,pdf_bytes,record_hash").ConfigureAwait(false);
        foreach (var r in await ListAsync(query with { Limit = 10_000 }, cancellationToken).ConfigureAwait(false))
        {
            string[] fields =
            [
                r.Id.ToString(CultureInfo.InvariantCulture), r.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), r.Kind,
                r.UserName ?? "anonymous", r.Source, r.RequestNumber ?? string.Empty,
                string.Join(' ', r.Letters.Select(l => $"{l.LetterId}@v{l.VersionNumber}:{l.ContentHash}")),
                r.PdfSha256, r.PdfSize.ToString(CultureInfo.InvariantCulture), r.RecordHash,
            ];
            await writer.WriteLineAsync(CsvText.Line(fields)).ConfigureAwait(false);
        }
    }

    public void Dispose() => writer.Dispose();

    /// <summary>The hash a record must carry: over every field and the previous record's hash.</summary>
    internal static string HashOf(ExportRecord record)
    {
        var text = new StringBuilder()
            .Append(DateTime.SpecifyKind(record.AtUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)).Append('\n')
            .Append(record.Kind).Append('\n')
            .Append(record.UserName).Append('\n')
            .Append(record.Source).Append('\n')
            .Append(record.RequestNumber).Append('\n')
            .Append(record.RequestJson).Append('\n')
            .Append(record.PdfSha256).Append('\n')
            .Append(record.PdfSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var letter in record.Letters.OrderBy(l => l.Position))
        {
            text.Append(CultureInfo.InvariantCulture, $"{letter.Position} {letter.LetterId} {letter.VersionNumber} {letter.ContentHash}\n");
        }

        text.Append(record.PreviousHash);
        return HashChain.Hash(text.ToString());
    }

    private static ExportRecordView ToView(ExportRecord r) => new(
        r.Id, DateTime.SpecifyKind(r.AtUtc, DateTimeKind.Utc), r.Kind, r.UserName, r.Source, r.RequestNumber,
        r.RequestJson is null ? null : JsonSerializer.Deserialize<HcpRequest>(r.RequestJson),
        r.Letters.OrderBy(l => l.Position).Select(l => new ExportedLetter(l.LetterId, l.VersionNumber, l.ContentHash)).ToList(),
        r.PdfSha256, r.PdfSize, r.PreviousHash, r.RecordHash);
}
