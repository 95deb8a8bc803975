namespace MedInfo.Store.Entities;

/// <summary>A numbered reference of one letter version.</summary>
public sealed class StoredReference
{
    public int Id { get; set; }

    public int LetterVersionId { get; set; }

    public int Number { get; set; }

    public required string Key { get; set; }

    public required string Text { get; set; }

    public string? PubMedId { get; set; }

    public string? Doi { get; set; }
}
