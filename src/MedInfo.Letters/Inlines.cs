namespace MedInfo.Letters;

/// <summary>A run of text inside a block.</summary>
public abstract record LetterInline;

public sealed record TextRun(string Text) : LetterInline;

public enum EmphasisKind
{
    Strong,
    Italic,
    Superscript,
    Subscript,
}

public sealed record Emphasis(EmphasisKind Kind, IReadOnlyList<LetterInline> Content) : LetterInline;

/// <summary>A link to a web page (http, https or mailto only; anything else is refused at import).</summary>
public sealed record Hyperlink(string Url, IReadOnlyList<LetterInline> Content) : LetterInline;

/// <summary>A citation of one or more references, printed as a superscript "1", "2,3" or "4-13".</summary>
public sealed record Citation(IReadOnlyList<int> Numbers) : LetterInline
{
    public string Label => CitationLabel.Format(Numbers);
}

/// <summary>A cross-reference to a table of the same letter, with the words the editor wrote.</summary>
public sealed record TableReference(string TableId, IReadOnlyList<LetterInline> Content) : LetterInline;

/// <summary>A cross-reference to a figure of the letter, with the words the editor wrote: <c>[Figure 1](figure:id)</c>.</summary>
public sealed record FigureReference(string FigureId, IReadOnlyList<LetterInline> Content) : LetterInline;

/// <summary>A footnote marker ("a") in a table cell, tied to the note of the same label under the table.</summary>
public sealed record FootnoteMarker(string Label) : LetterInline;

public sealed record LineBreak : LetterInline;
