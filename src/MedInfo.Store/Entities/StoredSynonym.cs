namespace MedInfo.Store.Entities;

/// <summary>
/// Words or phrases a search takes for each other: an abbreviation a published version's table explains, or a
/// line of the editors' synonyms file (no version). Written by the import with the search rows.
/// </summary>
public sealed class StoredSynonym
{
    public int Id { get; set; }

    /// <summary>The published version whose abbreviation this is; null for the editors' synonyms file.</summary>
    public int? LetterVersionId { get; set; }

    /// <summary>The forms as written, one per line.</summary>
    public required string Forms { get; set; }
}
