using System.Globalization;

namespace MedInfo.Store.Requests;

/// <summary>The kinds of step on the request log, and the words each step's details are written in (never personal data).</summary>
public static class RequestEvents
{
    public const string Received = "received";
    public const string Viewed = "viewed";
    public const string Assigned = "assigned";
    public const string StatusChanged = "status";
    public const string PriorityChanged = "priority";
    public const string Flagged = "flag";
    public const string Forwarded = "forwarded";
    public const string NoteAdded = "note";
    public const string Package = "package";
    public const string Erased = "erased";
    public const string Delivered = "delivered";
    public const string DeliveryFailed = "delivery-failed";
    public const string LinkCreated = "link";
    public const string LinkRevoked = "link-revoked";
    public const string LinkOpened = "link-opened";

    internal static string NoteDetails(long noteId) => "note " + noteId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Dates in details are UTC, to the minute, as ISO 8601.</summary>
    internal static string At(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"In progress" for <see cref="RequestStatus.InProgress"/>: the words staff see and the log keeps.</summary>
    public static string Name(RequestStatus status) => status switch
    {
        RequestStatus.New => "New",
        RequestStatus.InProgress => "In progress",
        RequestStatus.WaitingForRequester => "Waiting for requester",
        RequestStatus.Answered => "Answered",
        RequestStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Name(SafetyKind kind) => kind == SafetyKind.AdverseEvent ? "possible adverse event" : "possible product complaint";

    /// <summary>Why a safety flag is set, in words.</summary>
    public static string Reason(SafetyFlag flag) => flag switch
    {
        SafetyFlag.Reported => "the requester said so",
        SafetyFlag.Screening => "the screening list matched",
        _ => "set by staff",
    };
}
