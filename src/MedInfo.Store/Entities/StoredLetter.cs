namespace MedInfo.Store.Entities;

/// <summary>A letter's identity over time. Its content lives in its versions; the current one is what readers see.</summary>
public sealed class StoredLetter
{
    public required string Id { get; set; }

    /// <summary>Where the letter's file was last seen, relative to the content folder.</summary>
    public required string SourcePath { get; set; }

    public bool IsRetired { get; set; }

    public DateTime? RetiredAtUtc { get; set; }

    public int? CurrentVersionId { get; set; }

    public StoredLetterVersion? CurrentVersion { get; set; }

    public List<StoredLetterVersion> Versions { get; } = [];
}
