namespace MedInfo.Store.Requests;

/// <summary>
/// A medical information request as the store keeps it. The requester's personal data sits in the columns marked
/// personal below: they are erased after the retention period, and the request's history on the request log keeps
/// only a salted digest of them, so the log stays verifiable after erasure.
/// </summary>
public sealed class StoredRequest
{
    public long Id { get; set; }

    /// <summary>MIR-2026-000123: the year received and the store-wide sequence, so several portals never share one.</summary>
    public required string Number { get; set; }

    public DateTime ReceivedUtc { get; set; }

    public RequestChannel Channel { get; set; }

    public RequesterKind Requester { get; set; }

    public RequestStatus Status { get; set; }

    public RequestPriority Priority { get; set; }

    public string? AssignedTo { get; set; }

    /// <summary>Why the request was flagged as a possible adverse event; null when it is not.</summary>
    public SafetyFlag? AdverseEvent { get; set; }

    public SafetyFlag? ProductComplaint { get; set; }

    public bool OffLabel { get; set; }

    /// <summary>When a safety flag must reach pharmacovigilance.</summary>
    public DateTime? PharmacovigilanceDueUtc { get; set; }

    public DateTime? ForwardedUtc { get; set; }

    public string? ForwardedBy { get; set; }

    public string? ForwardedReference { get; set; }

    /// <summary>The service level's due time for the answer.</summary>
    public DateTime DueUtc { get; set; }

    /// <summary>
    /// The inbox's lanes, first to last: <see cref="SafetyLane"/> (a safety flag not yet forwarded, whatever the
    /// status), <see cref="OpenLane"/> (including an answer whose delivery failed), <see cref="DoneLane"/> (answered
    /// or closed). The default view is the first
    /// two; one integer column keeps it a range on one index.
    /// </summary>
    public int Lane { get; set; }

    public const int SafetyLane = 0;
    public const int OpenLane = 1;
    public const int DoneLane = 2;

    public bool SafetyPending => Lane == SafetyLane;

    /// <summary>What the inbox orders by: the pharmacovigilance deadline while a safety flag is pending, else the answer's due time.</summary>
    public DateTime QueueDueUtc { get; set; }

    public DateTime? AnsweredUtc { get; set; }

    /// <summary>The month received, as yyyyMM (UTC): what the insights count by, kept so they read no dates.</summary>
    public int ReceivedMonth { get; set; }

    /// <summary>Minutes from receipt to <see cref="AnsweredUtc"/>, or null: the insights' answer times, as a number.</summary>
    public int? MinutesToAnswer { get; set; }

    /// <summary>Answered by <see cref="DueUtc"/>; null while unanswered.</summary>
    public bool? AnsweredInTime { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public bool ConsentToContact { get; set; }

    public string? Country { get; set; }

    public string? Region { get; set; }

    public string? OtherProduct { get; set; }

    public ReplyChannel PreferredReply { get; set; }

    public DateTime? PersonalDataErasedUtc { get; set; }

    /// <summary>Whether the answer reached the requester: set by each send (and its failure, with the server's reply).</summary>
    public Delivery.DeliveryState Delivery { get; set; }

    /// <summary>Why the last send failed (the mail server's reply); null otherwise.</summary>
    public string? DeliveryProblem { get; set; }

    public DateTime? DeliveredUtc { get; set; }

    // Personal: erased after the retention period.
    public string? Name { get; set; }

    /// <summary>Personal. An HCP's profession and credentials, or a patient's relationship (patient, caregiver).</summary>
    public string? Role { get; set; }

    public string? Institution { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Question { get; set; }

    /// <summary>Personal. What happened, when the requester said the question involves a side effect or product problem.</summary>
    public string? EventDetails { get; set; }

    /// <summary>Personal. The digest's salt: without it nobody can test guesses against the logged digest.</summary>
    public string? Salt { get; set; }

    /// <summary>Personal. Lower-cased number, name, email, institution and question, for the inbox's text filter (the number alone once erased).</summary>
    public string? SearchText { get; set; }

    public List<StoredRequestProduct> Products { get; } = [];

    public List<StoredRequestNote> Notes { get; } = [];

    /// <summary>Keeps the inbox's and the insights' columns in step with the request's state.</summary>
    internal void Requeue()
    {
        ReceivedMonth = (ReceivedUtc.Year * 100) + ReceivedUtc.Month;
        MinutesToAnswer = AnsweredUtc is { } answered ? (int)Math.Round((answered - ReceivedUtc).TotalMinutes) : null;
        AnsweredInTime = AnsweredUtc is { } done ? done <= DueUtc : null;
        Lane = (AdverseEvent is not null || ProductComplaint is not null) && ForwardedUtc is null ? SafetyLane
            : Status is RequestStatus.Closed || (Status == RequestStatus.Answered && Delivery != MedInfo.Store.Delivery.DeliveryState.Failed) ? DoneLane
            : OpenLane;
        QueueDueUtc = Lane == SafetyLane && PharmacovigilanceDueUtc is { } pv && pv < DueUtc ? pv : DueUtc;
    }
}

/// <summary>A product a request is about, by brand as the catalogue names it.</summary>
public sealed class StoredRequestProduct
{
    public long RequestId { get; set; }

    public required string Brand { get; set; }

    /// <summary>The request's month received (yyyyMM), copied here so requests per product per month need no join.</summary>
    public int ReceivedMonth { get; set; }
}

/// <summary>A staff member's internal note on a request; its text is personal data (erased with the request's).</summary>
public sealed class StoredRequestNote
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public DateTime AtUtc { get; set; }

    public required string Author { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// One step in a request's history, on the request log: append-only (the database refuses updates and deletes)
/// and hash-chained like the export records. <see cref="Details"/> never holds personal data; where a step
/// carries some (intake, a note), <see cref="PersonalDigest"/> is a salted SHA-256 of it.
/// </summary>
public sealed class RequestEvent
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public required string RequestNumber { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The staff member; null for the requester (intake) or the portal itself (retention).</summary>
    public string? UserName { get; set; }

    public required string Kind { get; set; }

    /// <summary>What changed, as text without personal data ("status: New → In progress").</summary>
    public required string Details { get; set; }

    public string? PersonalDigest { get; set; }

    public required string PreviousHash { get; set; }

    public required string RecordHash { get; set; }
}
