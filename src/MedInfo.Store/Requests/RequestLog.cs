using System.Globalization;
using System.Text;
using MedInfo.Store.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Store.Requests;

/// <summary>
/// The request log: every step of every request (intake, views of personal data, status, assignment, flags,
/// pharmacovigilance, notes, packages, erasure) as an append-only, hash-chained event, with its own sealed
/// checkpoint beside the store like the export records'. An event's hash covers a salted digest of any personal
/// data it carries, never the data itself, so erasing personal data after the retention period leaves every hash
/// intact; while the data is kept, <see cref="VerifyAsync"/> also checks it against its digest.
/// </summary>
public sealed class RequestLog(IDbContextFactory<MedInfoDb> factory, [FromKeyedServices(RequestLog.CheckpointKey)] AuditCheckpoint checkpoint)
{
    /// <summary>The key of the request log's checkpoint among the store's services.</summary>
    public const string CheckpointKey = "request-log";

    public const string CheckpointFileName = "request-log-checkpoint.json";

    public const string Subject = "request event";

    /// <summary>
    /// Appends an event inside the caller's transaction, after the engine's chain turn; the caller commits and then
    /// calls <see cref="SealAsync"/>.
    /// </summary>
    internal static async Task<RequestEvent> AppendAsync(MedInfoDb db, RequestEvent entry, CancellationToken cancellationToken)
    {
        entry.PreviousHash = await db.RequestEvents.OrderByDescending(e => e.Id).Select(e => e.RecordHash)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? HashChain.Genesis;
        entry.RecordHash = HashOf(entry);
        db.RequestEvents.Add(entry);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>After the transaction that appended <paramref name="entry"/> committed: the checkpoint moves to it.</summary>
    internal Task SealAsync(RequestEvent entry) => checkpoint.WriteAsync(new ChainHead(entry.Id, entry.RecordHash), CancellationToken.None);

    /// <summary>A request's steps, oldest first.</summary>
    public async Task<IReadOnlyList<RequestHistoryEntry>> HistoryAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RequestEvents.AsNoTracking().Where(e => e.RequestNumber == number).OrderBy(e => e.Id)
            .Select(e => new RequestHistoryEntry(e.Id, e.AtUtc, e.UserName, e.Kind, e.Details))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The whole log: every hash recomputed and chained, the checkpoint's head still there, and each request's kept
    /// personal data (and notes) still matching the digests logged when they were written.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var events = await db.RequestEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var problems = HashChain.Breaks(events.Select(e => new ChainLink(e.Id, e.PreviousHash, e.RecordHash, HashOf(e))), "Request event").ToList();

        var digests = events.Where(e => e.PersonalDigest is not null).ToLookup(e => (e.RequestId, e.Kind == RequestEvents.NoteAdded ? e.Details : null));
        await foreach (var request in db.Requests.AsNoTracking().Include(r => r.Notes).Where(r => r.PersonalDataErasedUtc == null)
            .AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (digests[(request.Id, null)].FirstOrDefault() is not { } intake || intake.PersonalDigest != PersonalData.Digest(request))
            {
                problems.Add($"Request {request.Number}: its requester's details no longer match what was logged when it arrived (changed outside the app).");
            }

            foreach (var note in request.Notes)
            {
                if (digests[(request.Id, RequestEvents.NoteDetails(note.Id))].FirstOrDefault()?.PersonalDigest != PersonalData.Digest(request.Salt, note.Text))
                {
                    problems.Add($"Request {request.Number}: note {note.Id} no longer matches what was logged when it was written (changed outside the app).");
                }
            }
        }

        if (await checkpoint.FindLossAsync(id => events.Where(e => e.Id == id).Select(e => e.RecordHash).FirstOrDefault(), cancellationToken).ConfigureAwait(false) is { } lost)
        {
            problems.Add(lost);
        }

        return new AuditVerification(events.Count, problems);
    }

    /// <summary>At start-up: see <see cref="AuditCheckpoint.CheckAsync"/>.</summary>
    public Task CheckAgainstCheckpointAsync(CancellationToken cancellationToken = default) =>
        checkpoint.CheckAsync(HashOfEventAsync, NewestAsync, cancellationToken);

    /// <summary>After a restore on purpose: see <see cref="AuditCheckpoint.AcceptRestoredAsync"/>.</summary>
    public Task<string?> AcceptRestoredLogAsync(CancellationToken cancellationToken = default) =>
        checkpoint.AcceptRestoredAsync(HashOfEventAsync, NewestAsync, cancellationToken);

    private async Task<string?> HashOfEventAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RequestEvents.AsNoTracking().Where(e => e.Id == id).Select(e => e.RecordHash).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChainHead?> NewestAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.RequestEvents.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new ChainHead(e.Id, e.RecordHash))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The hash an event must carry: over every field (the personal digest, not personal data) and the event before it.</summary>
    internal static string HashOf(RequestEvent entry) => HashChain.Hash(new StringBuilder()
        .Append(DateTime.SpecifyKind(entry.AtUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)).Append('\n')
        .Append(entry.RequestId.ToString(CultureInfo.InvariantCulture)).Append('\n')
        .Append(entry.RequestNumber).Append('\n')
        .Append(entry.UserName).Append('\n')
        .Append(entry.Kind).Append('\n')
        .Append(entry.Details).Append('\n')
        .Append(entry.PersonalDigest).Append('\n')
        .Append(entry.PreviousHash)
        .ToString());
}
