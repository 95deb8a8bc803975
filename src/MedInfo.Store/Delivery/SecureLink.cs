namespace MedInfo.Store.Delivery;

/// <summary>
/// A link that lets a requester download exactly one recorded PDF: unguessable (256 random bits, of which the store
/// keeps only the SHA-256, so a copy of the database opens nothing), expiring, revocable, and counted. No client
/// address is kept for it.
/// </summary>
public sealed class SecureLink
{
    public long Id { get; set; }

    public required string TokenHash { get; set; }

    public required string RequestNumber { get; set; }

    public long ExportRecordId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? RevokedBy { get; set; }

    public int Downloads { get; set; }

    public DateTime? LastDownloadUtc { get; set; }
}
