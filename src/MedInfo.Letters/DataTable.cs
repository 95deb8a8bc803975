namespace MedInfo.Letters;

/// <summary>
/// A data table as the letter prints it: a caption (which may cite), header rows, body rows with indent levels,
/// footnotes tied to markers in cells, and the abbreviations line.
/// </summary>
public sealed record DataTable(
    string Id,
    IReadOnlyList<LetterInline> Caption,
    int ColumnCount,
    IReadOnlyList<TableRow> HeaderRows,
    IReadOnlyList<TableRow> BodyRows,
    AbbreviationList? Abbreviations,
    IReadOnlyList<TableNote> Notes) : LetterBlock
{
    public string Anchor => $"table-{Id}";
}

/// <summary>A row. Indent is data: 0 for a top-level row, 1 for "   IgG" under its group row, 2 below that.</summary>
public sealed record TableRow(int Indent, IReadOnlyList<TableCell> Cells)
{
    /// <summary>A row that only names a group: a label and no values ("Heavy chain isotope, n (%)").</summary>
    public bool IsGroup => Cells.Count > 1 && Cells.Skip(1).All(c => c.IsEmpty) && !Cells[0].IsEmpty;
}

/// <summary>A cell. A cell spanning columns is one cell with ColumnSpan above 1; the places it covers have no cell.</summary>
public sealed record TableCell(IReadOnlyList<LetterInline> Content, int ColumnSpan = 1, int RowSpan = 1)
{
    public bool IsEmpty => Content.Count == 0;
}

/// <summary>A note under the table, tied to its marker ("a") in a cell.</summary>
public sealed record TableNote(string Label, IReadOnlyList<LetterInline> Content)
{
    public static string AnchorFor(string tableId, string label) => $"table-{tableId}-note-{label}";
}

/// <summary>The "Abbreviations: ..." line under a table, as written, with the pairs read out of it.</summary>
public sealed record AbbreviationList(IReadOnlyList<LetterInline> Content, IReadOnlyList<Abbreviation> Entries);

public sealed record Abbreviation(string Term, string Expansion);
