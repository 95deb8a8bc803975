using Markdig.Parsers;
using Markdig.Syntax;
using MedInfo.Content.Diagnostics;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>
/// The raw lines of a <c>::: table id</c> block while it is being read. When it closes, the parser replaces it
/// with a <see cref="DataTableBlock"/> built from those lines.
/// </summary>
public sealed class DataTableSourceBlock(BlockParser parser) : LeafBlock(parser), IOwnFenceBlock
{
    public string Id { get; set; } = string.Empty;

    public bool ClosedByFence { get; set; }
}

/// <summary>A parsed data table: caption, rows of cells, abbreviations and notes, each a child block.</summary>
public sealed class DataTableBlock(BlockParser parser) : ContainerBlock(parser), IHasSourceProblems
{
    public string Id { get; set; } = string.Empty;

    public int ColumnCount { get; set; }

    public List<SourceProblem> Problems { get; } = [];

    IReadOnlyList<SourceProblem> IHasSourceProblems.Problems => Problems;
}

/// <summary>The caption above the table; inline text, so it can cite.</summary>
public sealed class TableCaptionBlock : LeafBlock
{
    public TableCaptionBlock()
        : base(null) => ProcessInlines = true;
}

public sealed class TableRowBlock : ContainerBlock
{
    public TableRowBlock()
        : base(null)
    {
    }

    public bool IsHeader { get; init; }

    /// <summary>How far the row is indented under its group row: 0, 1, 2, ... (written as leading '>' in the first cell).</summary>
    public int Indent { get; set; }
}

public sealed class TableCellBlock : LeafBlock
{
    public TableCellBlock()
        : base(null) => ProcessInlines = true;

    public int ColumnSpan { get; set; } = 1;

    public int RowSpan { get; set; } = 1;
}

/// <summary>A note under the table: <c>[^a]: No symptomatic improvement ...</c>.</summary>
public sealed class TableNoteBlock : LeafBlock
{
    public TableNoteBlock()
        : base(null) => ProcessInlines = true;

    public string Label { get; init; } = string.Empty;
}

/// <summary>The <c>Abbreviations: ...</c> line under the table.</summary>
public sealed class TableAbbreviationsBlock : LeafBlock
{
    public TableAbbreviationsBlock()
        : base(null) => ProcessInlines = true;
}
