namespace MedInfo.Letters;

/// <summary>A block of a letter's body.</summary>
public abstract record LetterBlock;

public sealed record Paragraph(IReadOnlyList<LetterInline> Content) : LetterBlock;

/// <summary>A heading inside a section. Level is the outline level: 2 is a section, 3 a study card or sub-section.</summary>
public sealed record Heading(int Level, string Anchor, IReadOnlyList<LetterInline> Content) : LetterBlock;

public sealed record BulletList(bool Ordered, IReadOnlyList<ListItem> Items) : LetterBlock;

public sealed record ListItem(IReadOnlyList<LetterBlock> Blocks);

/// <summary>One study, titled and cited, with its own sub-sections (Study Design/Methods, Results, ...).</summary>
public sealed record StudyCard(string Anchor, IReadOnlyList<LetterInline> Title, IReadOnlyList<LetterBlock> Blocks) : LetterBlock;

/// <summary>A boxed warning or a note: a bordered, labelled box around ordinary content.</summary>
/// <param name="Level">The outline level of its title (3 in a section, 4 in a study card).</param>
/// <param name="Title">As written after <c>::: warning</c>; empty when the editor gave none (the box is then titled by its kind).</param>
public sealed record Callout(CalloutKind Kind, int Level, string Anchor, IReadOnlyList<LetterInline> Title, IReadOnlyList<LetterBlock> Blocks) : LetterBlock;

/// <summary>A figure from a publication: its image, what it shows in words (alt text), and its numbered caption.</summary>
/// <param name="Number">1, 2, ... in reading order: printed as "Figure 1."</param>
/// <param name="AltText">The image said in words, for those who cannot see it.</param>
public sealed record Figure(string Id, int Number, string Anchor, FigureImage Image, string AltText, IReadOnlyList<LetterInline> Caption) : LetterBlock
{
    public string Label => $"Figure {Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A figure's image, named by its content (SHA-256 of its bytes): a version shows these bytes forever, whatever
/// later happens to the file it came from.
/// </summary>
public sealed record FigureImage(string Sha256, string MediaType, int Width, int Height);

public enum CalloutKind
{
    Warning,
    Note,
}
