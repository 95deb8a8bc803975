namespace MedInfo.Store.Entities;

/// <summary>
/// A letter's identity over time. Its content lives in its versions: the current one is the newest imported (it may
/// be a draft); the published one is what readers see.
/// </summary>
public sealed class StoredLetter
{
    public required string Id { get; set; }

    /// <summary>Where the letter's file was last seen, relative to the content folder.</summary>
    public required string SourcePath { get; set; }

    public bool IsRetired { get; set; }

    public DateTime? RetiredAtUtc { get; set; }

    public int? CurrentVersionId { get; set; }

    public StoredLetterVersion? CurrentVersion { get; set; }

    /// <summary>The newest version whose status is published: the only one readers are shown (null: none yet, or the
    /// editor retired the letter by its status).</summary>
    public int? PublishedVersionId { get; set; }

    public StoredLetterVersion? PublishedVersion { get; set; }

    public List<StoredLetterVersion> Versions { get; } = [];
}
