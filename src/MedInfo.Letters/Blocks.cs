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
