namespace MedInfo.Store.Entities;

/// <summary>
/// One imported version of a letter, never changed after it is written: what was published on a day stays
/// reproducible. The model is kept as (compressed) JSON so a past version renders exactly as it was, whatever the
/// reader code does later; the source text is kept beside it.
/// </summary>
public sealed class StoredLetterVersion
{
    public int Id { get; set; }

    public required string LetterId { get; set; }

    /// <summary>1 for the first import of the letter, then 2, 3, ...</summary>
    public int Number { get; set; }

    /// <summary>SHA-256 of the source text: a re-import of the same text writes nothing.</summary>
    public required string ContentHash { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public required string Title { get; set; }

    public required string DocumentKind { get; set; }

    /// <summary>As the front matter says; stored as its lowercase name ("published").</summary>
    public MedInfo.Letters.LetterStatus Status { get; set; }

    /// <summary>Who the letter is written for, so that the reading rule runs in the store's queries.</summary>
    public MedInfo.Letters.AudienceKind Audience { get; set; }

    public DateOnly LastUpdated { get; set; }

    public DateOnly? ReviewBy { get; set; }

    public required string SourcePath { get; set; }

    public required string SourceText { get; set; }

    /// <summary>The letter model as JSON, Brotli-compressed (<see cref="LetterJson"/>): about a fifth of the JSON, so an
    /// import writes, and the store keeps, far less.</summary>
    public byte[]? CompressedModel { get; set; }

    /// <summary>The model as plain JSON, for versions imported before models were compressed; null for later ones.</summary>
    public string? ModelJson { get; set; }

    /// <summary>The content-folder paths of the images its figures came from, one per line (null without figures):
    /// a re-import hashes them again to see whether an image changed while the text did not.</summary>
    public string? FigureFiles { get; set; }

    public List<LetterVersionFigure> Figures { get; } = [];

    public List<LetterVersionProduct> Products { get; } = [];

    public List<StoredReference> References { get; } = [];
}
