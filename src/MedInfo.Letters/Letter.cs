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

    /// <summary>Every figure in reading order.</summary>
    public IEnumerable<Figure> Figures => Sections.SelectMany(s => LetterWalker.Blocks(s.Blocks)).OfType<Figure>();

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

/// <summary>Who the letter is written for, and the notice shown at the top of the page and on every PDF.</summary>
/// <param name="Kind">HCP letters are read only by confirmed healthcare professionals; patient letters by anyone.
/// Versions stored before audiences existed were all HCP letters, hence the default.</param>
public sealed record Audience(string Region, string Notice, AudienceKind Kind = AudienceKind.Hcp);

/// <summary>The readers a letter is written for, as the front matter's <c>audience: type:</c> names them.</summary>
public enum AudienceKind
{
    /// <summary>Healthcare professionals: behind the HCP notice.</summary>
    Hcp,

    /// <summary>Patients and caregivers: readable by everyone, in plain language.</summary>
    Patient,
}

/// <summary>Who is reading: a confirmed healthcare professional (or signed-in staff), or anyone else.</summary>
public enum Readership
{
    Public,
    HealthcareProfessional,
}

public static class AudienceRules
{
    /// <summary>The reading rule: patient letters are for everyone, HCP letters for healthcare professionals only.
    /// The store applies the same rule in its queries (LetterCatalog); this is its in-memory form.</summary>
    public static bool IsReadableBy(this AudienceKind audience, Readership reader) =>
        reader == Readership.HealthcareProfessional || audience == AudienceKind.Patient;
}

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
