namespace MedInfo.Letters;

/// <summary>A medical information letter as the reader sees it: metadata, sections in order, and numbered references.</summary>
public sealed record Letter(
    LetterMetadata Metadata,
    IReadOnlyList<LetterSection> Sections,
    IReadOnlyList<Reference> References)
{
    /// <summary>Every data table in reading order, wherever it sits (a section or a study card).</summary>
    public IEnumerable<DataTable> Tables => Sections.SelectMany(s => LetterWalker.Blocks(s.Blocks)).OfType<DataTable>();

    /// <summary>Every study card in reading order.</summary>
    public IEnumerable<StudyCard> StudyCards => Sections.SelectMany(s => LetterWalker.Blocks(s.Blocks)).OfType<StudyCard>();

    public LetterSection? Summary => Sections.FirstOrDefault(s => s.Kind == SectionKind.Summary);
}

public sealed record LetterMetadata(
    string Id,
    string Title,
    string DocumentKind,
    Audience Audience,
    IReadOnlyList<Product> Products,
    LetterStatus Status,
    DateOnly LastUpdated,
    DateOnly? ReviewBy,
    LiteratureSearch? LiteratureSearch,
    string? TherapeuticArea,
    IReadOnlyList<string> Keywords);

/// <summary>Who the letter is for, and the notice shown at the top of the page and on every PDF.</summary>
public sealed record Audience(string Region, string Notice);

/// <summary>A product the letter covers: brand name with its mark, generic name, optional prescribing information link.</summary>
public sealed record Product(string Brand, string Generic, string? PrescribingInformationUrl)
{
    public string DisplayName => $"{Brand} ({Generic})";

    /// <summary>The product's web address name, from its brand.</summary>
    public string Slug => MedInfo.Letters.Slug.Make(Brand);
}

public enum LetterStatus
{
    Draft,
    Published,
    Retired,
}

public enum SectionKind
{
    Summary,
    Labeling,
    ClinicalData,
    Other,
}

public sealed record LetterSection(string Anchor, string Title, SectionKind Kind, IReadOnlyList<LetterBlock> Blocks);

/// <summary>One numbered entry of the reference list. Numbers follow the order of first citation.</summary>
public sealed record Reference(int Number, string Key, string Text, string? PubMedId, string? Doi, string? Url = null)
{
    public string Anchor => $"ref-{Number}";

    public Uri? PubMedUrl => PubMedId is null ? null : new Uri($"https://pubmed.ncbi.nlm.nih.gov/{PubMedId}/");

    public Uri? DoiUrl => Doi is null ? null : new Uri($"https://doi.org/{Doi}");
}
