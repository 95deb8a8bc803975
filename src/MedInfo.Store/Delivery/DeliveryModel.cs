namespace MedInfo.Store.Delivery;

/// <summary>Where the answer to a request stands: not sent yet, sent, or the last send failed (and can be retried).</summary>
public enum DeliveryState
{
    NotSent,
    Sent,
    Failed,
}

/// <summary>A secure link as staff see it (never its token: that is shown once, when it is made).</summary>
public sealed record SecureLinkView(long Id, long ExportRecordId, DateTime CreatedUtc, string CreatedBy, DateTime ExpiresUtc, DateTime? RevokedUtc, int Downloads, DateTime? LastDownloadUtc)
{
    public bool Usable(DateTime nowUtc) => RevokedUtc is null && nowUtc < ExpiresUtc;
}

/// <summary>A link just made: its token (to put in the message or give the requester) and how staff see it.</summary>
public sealed record NewSecureLink(string Token, SecureLinkView Link);

/// <summary>What opening a link found.</summary>
public abstract record LinkOpening
{
    private LinkOpening()
    {
    }

    /// <summary>No such link (a mistyped or made-up token).</summary>
    public sealed record Unknown : LinkOpening;

    public sealed record Expired(string RequestNumber, DateTime ExpiresUtc) : LinkOpening;

    public sealed record Revoked(string RequestNumber, DateTime RevokedUtc) : LinkOpening;

    /// <summary>The PDF erased with the request's personal data.</summary>
    public sealed record Erased(string RequestNumber) : LinkOpening;

    public sealed record Open(string RequestNumber, long ExportRecordId, DateTime ExpiresUtc) : LinkOpening;
}

/// <summary>The secure links' settings (section "MedInfo:Delivery").</summary>
public sealed class DeliveryOptions
{
    public const string Section = "MedInfo:Delivery";

    /// <summary>Days a secure link works after it is made.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3650)]
    public int LinkDays { get; set; } = 30;
}
