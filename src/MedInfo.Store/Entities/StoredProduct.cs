namespace MedInfo.Store.Entities;

/// <summary>A product, shared by the letters that cover it. Identified by its brand name.</summary>
public sealed class StoredProduct
{
    public int Id { get; set; }

    public required string Brand { get; set; }

    /// <summary>The brand as a web address name: /products/darzalex-faspro.</summary>
    public required string Slug { get; set; }

    public required string Generic { get; set; }

    public string? PrescribingInformationUrl { get; set; }
}

/// <summary>Which products a letter version covers, in the order the letter names them.</summary>
public sealed class LetterVersionProduct
{
    public int LetterVersionId { get; set; }

    public int ProductId { get; set; }

    public int Position { get; set; }

    public StoredProduct Product { get; set; } = null!;
}
