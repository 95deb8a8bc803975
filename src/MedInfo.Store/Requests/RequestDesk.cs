using System.Globalization;
using MedInfo.Store.Delivery;
using MedInfo.Store.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedInfo.Store.Requests;

/// <summary>
/// The request desk: requests arrive, are triaged, worked and answered here, and every change is written together
/// with its step on the request log (one transaction), so the log and the requests never disagree. The rules of
/// who may see or do what live in the portal's staff policy; the rules of what a request may become live here.
/// </summary>
public sealed class RequestDesk(IDbContextFactory<MedInfoDb> factory, RequestLog log, IOptions<RequestOptions> options, TimeProvider time) : IDisposable
{
    private readonly RequestOptions settings = options.Value;

    // One writer at a time in this process, as for the export records: two steps never chain to the same event.
    private readonly SemaphoreSlim writer = new(1, 1);

    public void Dispose() => writer.Dispose();

    /// <summary>Takes a new request in: flags it by the requester's answers and the screening lists, sets its deadlines, gives its number.</summary>
    public async Task<string> SubmitAsync(NewRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestLimits.Check(request);
        var now = StoredTime.Now(time);
        var calendar = Calendar();
        var stored = new StoredRequest
        {
            Number = "pending-" + Guid.NewGuid().ToString("N"),
            ReceivedUtc = now,
            Channel = request.Channel,
            Requester = request.Requester,
            Status = RequestStatus.New,
            Priority = RequestPriority.Normal,
            AdverseEvent = request.ReportsSafetyEvent ? SafetyFlag.Reported
                : new SafetyScreening(settings.AdverseEventTerms).FirstMatch(request.Question, request.EventDetails) is null ? null : SafetyFlag.Screening,
            ProductComplaint = request.ReportsProductProblem ? SafetyFlag.Reported
                : new SafetyScreening(settings.ProductComplaintTerms).FirstMatch(request.Question, request.EventDetails) is null ? null : SafetyFlag.Screening,
            DueUtc = calendar.AddBusinessDays(now, settings.ServiceLevel(RequestPriority.Normal)),
            ConsentToContact = request.ConsentToContact,
            Country = Trimmed(request.Country),
            Region = Trimmed(request.Region),
            OtherProduct = Trimmed(request.OtherProduct),
            PreferredReply = request.PreferredReply,
            Name = request.Name.Trim(),
            Role = request.Role.Trim(),
            Institution = Trimmed(request.Institution),
            Email = Trimmed(request.Email),
            Phone = Trimmed(request.Phone),
            Question = request.Question.Trim(),
            EventDetails = Trimmed(request.EventDetails),
            Salt = PersonalData.NewSalt(),
        };
        if (stored.AdverseEvent is not null || stored.ProductComplaint is not null)
        {
            stored.PharmacovigilanceDueUtc = calendar.AddBusinessDays(now, settings.PharmacovigilanceBusinessDays);
        }

        stored.Products.AddRange(request.Products.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(p => new StoredRequestProduct { Brand = p, ReceivedMonth = (now.Year * 100) + now.Month }));
        stored.Requeue();

        return await WriteAsync(async db =>
        {
            db.Requests.Add(stored);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            stored.Number = RequestNumber.Format(TimeZoneInfo.ConvertTimeFromUtc(now, settings.Zone).Year, stored.Id);
            stored.SearchText = PersonalData.SearchText(stored);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var flags = string.Concat(
                stored.AdverseEvent is { } ae ? $"; possible adverse event ({RequestEvents.Reason(ae)})" : string.Empty,
                stored.ProductComplaint is { } pc ? $"; possible product complaint ({RequestEvents.Reason(pc)})" : string.Empty,
                stored.PharmacovigilanceDueUtc is { } pv ? $"; pharmacovigilance due {RequestEvents.At(pv)}" : string.Empty);
            var details = $"received by {stored.Channel.ToString().ToLowerInvariant()} from {(stored.Requester == RequesterKind.Hcp ? "a healthcare professional" : "a patient or caregiver")}" +
                $"; products: {(stored.Products.Count == 0 ? "none named" : string.Join(", ", stored.Products.Select(p => p.Brand)))}{flags}; due {RequestEvents.At(stored.DueUtc)}";
            return (stored.Number, new[] { Event(stored, null, RequestEvents.Received, details, PersonalData.Digest(stored)) });
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of the inbox: safety flags not yet forwarded first (by their deadline), then by due time.</summary>
    public async Task<InboxResult> ListAsync(InboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var requests = db.Requests.AsNoTracking();
        if (RequestNumber.Normalize(query.Text) is { } number)
        {
            // A number typed from an email or a call finds its request whatever its status.
            return await PageAsync(requests.Where(r => r.Number == number), done: true, query, cancellationToken).ConfigureAwait(false);
        }

        requests = query.Status is { } status ? requests.Where(r => r.Status == status) : query.All ? requests : requests.Where(r => r.Lane < StoredRequest.DoneLane);
        requests = query.Flag switch
        {
            InboxQuery.AdverseEventFlag => requests.Where(r => r.AdverseEvent != null),
            InboxQuery.ProductComplaintFlag => requests.Where(r => r.ProductComplaint != null),
            InboxQuery.OffLabelFlag => requests.Where(r => r.OffLabel),
            _ => requests,
        };
        if (!string.IsNullOrWhiteSpace(query.Product))
        {
            var product = query.Product.Trim();
            requests = requests.Where(r => r.Products.Any(p => p.Brand == product));
        }

        if (query.AssignedTo == InboxQuery.Unassigned)
        {
            requests = requests.Where(r => r.AssignedTo == null);
        }
        else if (!string.IsNullOrWhiteSpace(query.AssignedTo))
        {
            requests = requests.Where(r => r.AssignedTo == query.AssignedTo);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Lower-cased when written, so this is a plain LIKE on both engines; wildcards in the text are escaped.
            var pattern = "%" + query.Text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            requests = requests.Where(r => EF.Functions.Like(r.SearchText!, pattern, "\\"));
        }

        return await PageAsync(requests, done: query.All || query.Status is RequestStatus.Answered or RequestStatus.Closed, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of <paramref name="requests"/>: work to do by lane and deadline, done work newest first.</summary>
    private static async Task<InboxResult> PageAsync(IQueryable<StoredRequest> requests, bool done, InboxQuery query, CancellationToken cancellationToken)
    {
        var total = await requests.CountAsync(cancellationToken).ConfigureAwait(false);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var ordered = done
            ? requests.OrderByDescending(r => r.ReceivedUtc).ThenByDescending(r => r.Id)
            : requests.OrderBy(r => r.Lane).ThenBy(r => r.QueueDueUtc).ThenBy(r => r.Id);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Number, r.Status, r.Priority, r.Requester, AdverseEvent = r.AdverseEvent != null, ProductComplaint = r.ProductComplaint != null,
                r.OffLabel, r.Lane, Products = r.Products.Select(p => p.Brand).ToList(), r.ReceivedUtc, r.QueueDueUtc, r.AssignedTo, r.Delivery,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new InboxResult(
            rows.Select(r => new InboxRow(r.Number, r.Status, r.Priority, r.Requester, r.AdverseEvent, r.ProductComplaint, r.OffLabel, r.Lane == StoredRequest.SafetyLane,
                r.Products, StoredTime.Utc(r.ReceivedUtc), StoredTime.Utc(r.QueueDueUtc), r.AssignedTo, r.Delivery == DeliveryState.Failed)).ToList(),
            total, page, pageSize);
    }

    /// <summary>
    /// A request with its notes and history; null for an unknown number. A staff member seeing the requester's
    /// personal data (<paramref name="viewer"/>) is itself a step on the log; null reads without showing anyone
    /// (a page handling a form post, which answers with a redirect).
    /// </summary>
    public async Task<RequestDetail?> GetAsync(string number, string? viewer, CancellationToken cancellationToken = default)
    {
        StoredRequest? found;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            found = await db.Requests.AsNoTracking().Include(r => r.Products).Include(r => r.Notes)
                .FirstOrDefaultAsync(r => r.Number == number, cancellationToken).ConfigureAwait(false);
        }

        if (found is null)
        {
            return null;
        }

        if (viewer is not null && found.PersonalDataErasedUtc is null)
        {
            await WriteAsync(_ => Task.FromResult((0, new[] { Event(found, viewer, RequestEvents.Viewed, "personal data shown", null) })), cancellationToken).ConfigureAwait(false);
        }

        var history = await log.HistoryAsync(found.Number, cancellationToken).ConfigureAwait(false);
        return new RequestDetail(
            found.Number, StoredTime.Utc(found.ReceivedUtc), found.Channel, found.Requester, found.Status, found.Priority, found.AssignedTo,
            found.AdverseEvent, found.ProductComplaint, found.OffLabel, StoredTime.Utc(found.PharmacovigilanceDueUtc), StoredTime.Utc(found.ForwardedUtc),
            found.ForwardedBy, found.ForwardedReference, StoredTime.Utc(found.DueUtc), found.Country, found.Region,
            found.Products.Select(p => p.Brand).ToList(), found.OtherProduct, found.PreferredReply, found.ConsentToContact,
            found.PersonalDataErasedUtc is null
                ? new Requester(found.Name ?? string.Empty, found.Role ?? string.Empty, found.Institution, found.Email, found.Phone, found.Question ?? string.Empty, found.EventDetails)
                : null,
            StoredTime.Utc(found.PersonalDataErasedUtc),
            found.Delivery, found.DeliveryProblem, StoredTime.Utc(found.DeliveredUtc),
            found.Notes.OrderBy(n => n.Id).Select(n => new RequestNote(StoredTime.Utc(n.AtUtc), n.Author, n.Text)).ToList(),
            history.Select(h => h with { AtUtc = StoredTime.Utc(h.AtUtc) }).ToList());
    }

    /// <summary>Assigns the request (to the staff member who takes it, or null to put it back); a New request becomes In progress.</summary>
    public Task AssignAsync(string number, string user, string? assignee, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, user, RequestEvents.Assigned, request =>
        {
            if (request.AssignedTo == assignee)
            {
                return null;
            }

            request.AssignedTo = assignee;
            var details = assignee is null ? "unassigned" : $"assigned to {assignee}";
            if (assignee is not null && request.Status == RequestStatus.New)
            {
                details += $"; status: {RequestEvents.Name(RequestStatus.New)} → {RequestEvents.Name(RequestStatus.InProgress)}";
                request.Status = RequestStatus.InProgress;
            }

            return details;
        }, cancellationToken);

    /// <summary>Moves the request to <paramref name="status"/>; a request with a safety flag not yet forwarded cannot be closed.</summary>
    public Task SetStatusAsync(string number, string user, RequestStatus status, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, user, RequestEvents.StatusChanged, request => MoveTo(request, status), cancellationToken);

    /// <summary>Sets the priority; the answer's due time follows the priority's service level from receipt.</summary>
    public Task SetPriorityAsync(string number, string user, RequestPriority priority, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, user, RequestEvents.PriorityChanged, request =>
        {
            if (request.Priority == priority)
            {
                return null;
            }

            var before = request.Priority;
            request.Priority = priority;
            request.DueUtc = Calendar().AddBusinessDays(request.ReceivedUtc, settings.ServiceLevel(priority));
            return $"priority: {before} → {priority}; due {RequestEvents.At(request.DueUtc)}";
        }, cancellationToken);

    /// <summary>Marks the question off-label (answered with a letter only, never promotion), or clears the mark.</summary>
    public Task SetOffLabelAsync(string number, string user, bool offLabel, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, user, RequestEvents.Flagged, request =>
        {
            if (request.OffLabel == offLabel)
            {
                return null;
            }

            request.OffLabel = offLabel;
            return offLabel ? "marked off-label" : "off-label mark cleared";
        }, cancellationToken);

    /// <summary>Sets or clears a safety flag; setting one starts the pharmacovigilance clock from receipt. A forwarded flag stays.</summary>
    public Task SetSafetyFlagAsync(string number, string user, SafetyKind kind, bool on, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, user, RequestEvents.Flagged, request =>
        {
            var current = kind == SafetyKind.AdverseEvent ? request.AdverseEvent : request.ProductComplaint;
            if ((current is not null) == on)
            {
                return null;
            }

            if (!on && request.ForwardedUtc is not null)
            {
                throw new RequestActionException("This request was forwarded to pharmacovigilance; its flags stay as they were sent.");
            }

            var value = on ? SafetyFlag.Staff : (SafetyFlag?)null;
            if (kind == SafetyKind.AdverseEvent)
            {
                request.AdverseEvent = value;
            }
            else
            {
                request.ProductComplaint = value;
            }

            if (on && request.PharmacovigilanceDueUtc is null)
            {
                request.PharmacovigilanceDueUtc = Calendar().AddBusinessDays(request.ReceivedUtc, settings.PharmacovigilanceBusinessDays);
            }
            else if (request.AdverseEvent is null && request.ProductComplaint is null)
            {
                request.PharmacovigilanceDueUtc = null;
            }

            return on
                ? $"flagged as {RequestEvents.Name(kind)}; pharmacovigilance due {RequestEvents.At(request.PharmacovigilanceDueUtc!.Value)}"
                : $"{RequestEvents.Name(kind)} flag cleared";
        }, cancellationToken);

    /// <summary>Records that the safety flags were forwarded to pharmacovigilance, with their case reference.</summary>
    public Task RecordForwardedAsync(string number, string user, string reference, CancellationToken cancellationToken = default)
    {
        RequestLimits.Require(reference, RequestLimits.Reference, "pharmacovigilance reference");
        return ChangeAsync(number, user, RequestEvents.Forwarded, request =>
        {
            if (request.AdverseEvent is null && request.ProductComplaint is null)
            {
                throw new RequestActionException("Only a request flagged as a possible adverse event or product complaint is forwarded to pharmacovigilance.");
            }

            if (request.ForwardedUtc is not null)
            {
                throw new RequestActionException($"This request was already forwarded to pharmacovigilance (reference {request.ForwardedReference}).");
            }

            var now = StoredTime.Now(time);
            request.ForwardedUtc = now;
            request.ForwardedBy = user;
            request.ForwardedReference = reference.Trim();
            var onTime = request.PharmacovigilanceDueUtc is { } due && now <= due ? "on time" : "late";
            return $"forwarded to pharmacovigilance, reference {request.ForwardedReference}; {onTime} (due {RequestEvents.At(request.PharmacovigilanceDueUtc ?? now)})";
        }, cancellationToken);
    }

    /// <summary>Adds an internal note; the log keeps its digest, the note its text (personal data, erased with the request's).</summary>
    public async Task AddNoteAsync(string number, string user, string text, CancellationToken cancellationToken = default)
    {
        RequestLimits.Require(text, RequestLimits.Note, "note");
        await WriteAsync(async db =>
        {
            var request = await FindAsync(db, number, cancellationToken).ConfigureAwait(false);
            var note = new StoredRequestNote { RequestId = request.Id, AtUtc = StoredTime.Now(time), Author = user, Text = text.Trim() };
            db.RequestNotes.Add(note);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (note.Id, new[] { Event(request, user, RequestEvents.NoteAdded, RequestEvents.NoteDetails(note.Id), PersonalData.Digest(request.Salt, note.Text)) });
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A response package was sent for the request (export record <paramref name="exportRecordId"/>): the request is Answered.</summary>
    public Task RecordPackageAsync(string number, string user, long exportRecordId, IReadOnlyList<string> letters, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, user, RequestEvents.Package, request =>
        {
            if (RequestRules.CannotAnswer(request.OffLabel, letters.Count) is { } refusal)
            {
                throw new RequestActionException(refusal);
            }

            var sent = $"response package sent: export record {exportRecordId.ToString(CultureInfo.InvariantCulture)}" +
                (letters.Count == 0 ? ", a custom reply" : $", letters {string.Join(", ", letters)}");
            return request.Status == RequestStatus.Answered ? sent : sent + "; " + MoveTo(request, RequestStatus.Answered);
        }, cancellationToken);

    /// <summary>
    /// A step in getting the answer to the requester (a send, its failure, a secure link made, revoked or opened);
    /// <paramref name="state"/>, when given, is where delivery now stands (a failure keeps the server's reply,
    /// <paramref name="details"/>, for staff). <paramref name="user"/> is null for the requester opening a link.
    /// </summary>
    public Task RecordDeliveryStepAsync(string number, string? user, string kind, string details, DeliveryState? state, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, user, kind, request =>
        {
            var now = StoredTime.Now(time);
            switch (state)
            {
                case DeliveryState.Sent:
                    request.Delivery = DeliveryState.Sent;
                    request.DeliveredUtc = now;
                    request.DeliveryProblem = null;
                    break;
                case DeliveryState.Failed:
                    request.Delivery = DeliveryState.Failed;
                    request.DeliveryProblem = details.Length > 500 ? details[..500] : details;
                    break;
            }

            return details;
        }, cancellationToken, requesterStep: user is null);

    /// <summary>
    /// Erases the personal data of every request closed longer ago than the retention period; each erasure is a step
    /// on the log. Returns how many requests were erased.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = StoredTime.Now(time).AddDays(-settings.KeepPersonalDataDays);
        var erased = 0;
        while (true)
        {
            var batch = await WriteAsync(async db =>
            {
                var due = await db.Requests.Include(r => r.Notes)
                    .Where(r => r.PersonalDataErasedUtc == null && r.ClosedUtc != null && r.ClosedUtc < cutoff)
                    .OrderBy(r => r.Id).Take(200).ToListAsync(cancellationToken).ConfigureAwait(false);
                var now = StoredTime.Now(time);
                foreach (var request in due)
                {
                    PersonalData.Erase(request, now);
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await EraseSentPackagesAsync(db, due.Select(r => r.Number).ToList(), now, cancellationToken).ConfigureAwait(false);
                return (due.Count, due.Select(r => Event(r, null, RequestEvents.Erased,
                    $"personal data erased: closed {RequestEvents.At(r.ClosedUtc!.Value)}, kept {settings.KeepPersonalDataDays.ToString(CultureInfo.InvariantCulture)} days", null)).ToArray());
            }, cancellationToken).ConfigureAwait(false);
            erased += batch;
            if (batch == 0)
            {
                return erased;
            }
        }
    }

    /// <summary>
    /// The PDFs sent in answer to these requests carry the requesters' names and questions: their bytes go too, listed
    /// first among the erased files (the database lets a kept PDF go only then). Their export records and hashes stay.
    /// </summary>
    private static async Task EraseSentPackagesAsync(MedInfoDb db, IReadOnlyList<string> numbers, DateTime now, CancellationToken cancellationToken)
    {
        var sent = await db.ExportRecords.AsNoTracking()
            .Where(e => e.Kind == Audit.NewExport.PackageKind && e.RequestNumber != null && numbers.Contains(e.RequestNumber))
            .Select(e => new { e.PdfSha256, e.RequestNumber }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var shas = sent.Select(s => s.PdfSha256).Distinct().ToList();
        var erased = await db.ErasedExportFiles.AsNoTracking().Where(f => shas.Contains(f.Sha256)).Select(f => f.Sha256).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var file in sent.Where(s => !erased.Contains(s.PdfSha256)).DistinctBy(s => s.PdfSha256))
        {
            db.ErasedExportFiles.Add(new Audit.ErasedExportFile { Sha256 = file.PdfSha256, ErasedUtc = now, Reason = $"retention: personal data of request {file.RequestNumber}" });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await db.ExportFiles.Where(f => shas.Contains(f.Sha256)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private string? MoveTo(StoredRequest request, RequestStatus status)
    {
        if (request.Status == status)
        {
            return null;
        }

        if (status == RequestStatus.Closed && request.SafetyPending)
        {
            throw new RequestActionException("Forward the possible adverse event or product complaint to pharmacovigilance before closing the request.");
        }

        var before = request.Status;
        request.Status = status;
        var now = StoredTime.Now(time);
        request.AnsweredUtc = status == RequestStatus.Answered ? now : status == RequestStatus.Closed ? request.AnsweredUtc : null;
        request.ClosedUtc = status == RequestStatus.Closed ? now : null;
        return $"status: {RequestEvents.Name(before)} → {RequestEvents.Name(status)}";
    }

    /// <summary>One change to one request and its step on the log; <paramref name="change"/> returns the step's details, or null when nothing changed.</summary>
    private async Task ChangeAsync(string number, string? user, string kind, Func<StoredRequest, string?> change, CancellationToken cancellationToken, bool requesterStep = false)
    {
        if (!requesterStep)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(user);
        }

        await WriteAsync(async db =>
        {
            var request = await FindAsync(db, number, cancellationToken).ConfigureAwait(false);
            var details = change(request);
            if (details is null)
            {
                return (0, Array.Empty<RequestEvent>());
            }

            request.Requeue();
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (0, new[] { Event(request, user, kind, details, null) });
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StoredRequest> FindAsync(MedInfoDb db, string number, CancellationToken cancellationToken) =>
        await db.Requests.FirstOrDefaultAsync(r => r.Number == number, cancellationToken).ConfigureAwait(false)
        ?? throw new RequestNotFoundException(number);

    /// <summary>Runs <paramref name="work"/> in a transaction, in the chain's turn, and appends its events before committing.</summary>
    private async Task<T> WriteAsync<T>(Func<MedInfoDb, Task<(T Result, RequestEvent[] Events)>> work, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await StoreEngine.For(db).TakeTurnAsync(db, WriterTurn.AuditChain, cancellationToken).ConfigureAwait(false);
            var (result, events) = await work(db).ConfigureAwait(false);
            RequestEvent? last = null;
            foreach (var entry in events)
            {
                last = await RequestLog.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (last is not null)
            {
                await log.SealAsync(last).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            writer.Release();
        }
    }

    private RequestEvent Event(StoredRequest request, string? user, string kind, string details, string? digest) => new()
    {
        RequestId = request.Id,
        RequestNumber = request.Number,
        AtUtc = StoredTime.Now(time),
        UserName = user,
        Kind = kind,
        Details = details,
        PersonalDigest = digest,
        PreviousHash = string.Empty,
        RecordHash = string.Empty,
    };

    private BusinessCalendar Calendar() => new(settings.Zone, settings.Holidays);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>No request has this number.</summary>
public sealed class RequestNotFoundException(string number) : MedInfoException($"There is no request {number}.", ProblemKind.Invalid)
{
    public string Number { get; } = number;
}
