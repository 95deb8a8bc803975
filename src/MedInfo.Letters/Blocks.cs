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

public enum CalloutKind
{
    Warning,
    Note,
}
