namespace MedInfo.Store.Entities;

/// <summary>
/// A figure's image, kept by its content (SHA-256 of its bytes) and never changed or removed: every version that
/// showed it shows the same bytes forever, and an image shared by versions or letters is kept once.
/// </summary>
public sealed class StoredFigureImage
{
    public required string Sha256 { get; set; }

    public required string MediaType { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public required byte[] Bytes { get; set; }
}

/// <summary>Which images a letter version's figures show: what decides whether a reader may fetch an image.</summary>
public sealed class LetterVersionFigure
{
    public int LetterVersionId { get; set; }

    public required string Sha256 { get; set; }
}
