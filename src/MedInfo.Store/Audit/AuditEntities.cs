namespace MedInfo.Store.Audit;

/// <summary>
/// One PDF export, public or staff. Rows are only ever inserted: the app has no update or delete for them and the
/// database refuses both (triggers in the migration). Each row carries the hash of the row before it, so a row
/// changed or removed outside the app breaks the chain.
/// </summary>
public sealed class ExportRecord
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>"letter" or "package".</summary>
    public required string Kind { get; set; }

    /// <summary>The signed-in staff member's user name; null for an anonymous reader.</summary>
    public string? UserName { get; set; }

    /// <summary>Where the export was made: "web" or "cli".</summary>
    public required string Source { get; set; }

    public string? RequestNumber { get; set; }

    /// <summary>The HCP request of a package, as JSON.</summary>
    public string? RequestJson { get; set; }

    public required string PdfSha256 { get; set; }

    public long PdfSize { get; set; }

    public required string PreviousHash { get; set; }

    public required string RecordHash { get; set; }

    public List<ExportRecordLetter> Letters { get; } = [];
}

/// <summary>A letter in an export, pinned to the version (and its content hash) that was printed.</summary>
public sealed class ExportRecordLetter
{
    public long Id { get; set; }

    public long ExportRecordId { get; set; }

    public int Position { get; set; }

    public required string LetterId { get; set; }

    public int VersionNumber { get; set; }

    public required string ContentHash { get; set; }
}

/// <summary>The exact bytes of an exported PDF, kept once per SHA-256, so staff can download what was sent.</summary>
public sealed class ExportFile
{
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>
/// A kept PDF erased on purpose: a response package whose requester's personal data reached the end of its
/// retention period. The export record and its hash stay (the chain hashes the PDF's SHA-256, not its bytes); this
/// row says when and why the bytes went. Append-only; the database lets a kept PDF be deleted only once it is listed here.
/// </summary>
public sealed class ErasedExportFile
{
    public required string Sha256 { get; set; }

    public DateTime ErasedUtc { get; set; }

    public required string Reason { get; set; }
}
