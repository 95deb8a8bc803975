namespace MedInfo.Store.Requests;

/// <summary>Where a request came in.</summary>
public enum RequestChannel
{
    Web,
    Email,
    Phone,
}

/// <summary>Who asks: a healthcare professional, or a patient or caregiver.</summary>
public enum RequesterKind
{
    Hcp,
    Patient,
}

/// <summary>How the requester wants the answer.</summary>
public enum ReplyChannel
{
    Email,
    Phone,
}

/// <summary>A request's place in its life: the inbox's statuses.</summary>
public enum RequestStatus
{
    New,
    InProgress,
    WaitingForRequester,
    Answered,
    Closed,
}

/// <summary>How soon the answer is due (service levels per priority are in <see cref="RequestOptions"/>).</summary>
public enum RequestPriority
{
    Urgent,
    High,
    Normal,
}

/// <summary>Why a safety flag is set: the requester said so, the screening list matched, or staff set it.</summary>
public enum SafetyFlag
{
    Reported,
    Screening,
    Staff,
}

/// <summary>The two safety flags a request can carry; both go to pharmacovigilance on the same clock.</summary>
public enum SafetyKind
{
    AdverseEvent,
    ProductComplaint,
}

/// <summary>A request as it arrives through the "Ask a question" form (or is typed in by staff from a call or an email).</summary>
public sealed record NewRequest(
    RequesterKind Requester,
    string Name,
    string Role,
    string? Institution,
    string Country,
    string? Region,
    string? Email,
    string? Phone,
    ReplyChannel PreferredReply,
    IReadOnlyList<string> Products,
    string? OtherProduct,
    string Question,
    bool ReportsSafetyEvent,
    bool ReportsProductProblem,
    string? EventDetails,
    bool ConsentToContact,
    RequestChannel Channel = RequestChannel.Web);

/// <summary>Filters for the inbox; every part is optional. Without a status, the open requests are listed.</summary>
public sealed record InboxQuery(
    RequestStatus? Status = null,
    bool All = false,
    string? Flag = null,
    string? Product = null,
    string? AssignedTo = null,
    string? Text = null,
    int Page = 1,
    int PageSize = 50)
{
    public const string AdverseEventFlag = "adverse-event";
    public const string ProductComplaintFlag = "product-complaint";
    public const string OffLabelFlag = "off-label";
    public const string Unassigned = "-";
}

/// <summary>One row of the inbox.</summary>
public sealed record InboxRow(
    string Number,
    RequestStatus Status,
    RequestPriority Priority,
    RequesterKind Requester,
    bool AdverseEvent,
    bool ProductComplaint,
    bool OffLabel,
    bool SafetyPending,
    IReadOnlyList<string> Products,
    DateTime ReceivedUtc,
    DateTime DueUtc,
    string? AssignedTo,
    bool DeliveryFailed = false);

/// <summary>A page of the inbox and how many requests match in all.</summary>
public sealed record InboxResult(IReadOnlyList<InboxRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The requester's personal data; null on a request whose personal data was erased.</summary>
public sealed record Requester(
    string Name,
    string Role,
    string? Institution,
    string? Email,
    string? Phone,
    string Question,
    string? EventDetails);

/// <summary>A request as its page shows it.</summary>
public sealed record RequestDetail(
    string Number,
    DateTime ReceivedUtc,
    RequestChannel Channel,
    RequesterKind Kind,
    RequestStatus Status,
    RequestPriority Priority,
    string? AssignedTo,
    SafetyFlag? AdverseEvent,
    SafetyFlag? ProductComplaint,
    bool OffLabel,
    DateTime? PharmacovigilanceDueUtc,
    DateTime? ForwardedUtc,
    string? ForwardedBy,
    string? ForwardedReference,
    DateTime DueUtc,
    string? Country,
    string? Region,
    IReadOnlyList<string> Products,
    string? OtherProduct,
    ReplyChannel PreferredReply,
    bool ConsentToContact,
    Requester? Person,
    DateTime? PersonalDataErasedUtc,
    Delivery.DeliveryState Delivery,
    string? DeliveryProblem,
    DateTime? DeliveredUtc,
    IReadOnlyList<RequestNote> Notes,
    IReadOnlyList<RequestHistoryEntry> History)
{
    public bool SafetyPending => (AdverseEvent is not null || ProductComplaint is not null) && ForwardedUtc is null;
}

/// <summary>An internal note; its text is null once the request's personal data is erased.</summary>
public sealed record RequestNote(DateTime AtUtc, string Author, string? Text);

/// <summary>One step of a request's history, from the request log.</summary>
public sealed record RequestHistoryEntry(long Id, DateTime AtUtc, string? UserName, string Kind, string Details);

/// <summary>Something staff tried that the request's state does not allow, in words for them.</summary>
public sealed class RequestActionException(string message) : MedInfoException(message, ProblemKind.Invalid);
