using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>
/// Builds a table from its lines:
/// <code>
/// Caption text[@key]
///
/// | Characteristic | At diagnosis | At initiation |
/// | ^              | N=7          | &lt;             |
/// |----------------|--------------|---------------|
/// | Female, n (%)  | 4 (57)       | &lt;             |
/// | Heavy chain, n (%) |          |               |
/// | > IgG          | 4 (57)       | &lt;             |
///
/// Abbreviations: ECOG, Eastern Cooperative Oncology Group; ...
/// [^a]: No symptomatic improvement ...
/// </code>
/// A cell of only <c>&lt;</c> is covered by the cell to its left, <c>^</c> by the cell above; leading <c>&gt;</c> in the
/// first cell indent the row one level each.
/// </summary>
internal static partial class DataTableBuilder
{
    private const string SpanLeft = "<";
    private const string SpanUp = "^";
    private const int MaxIndent = 6;

    public static DataTableBlock Build(BlockParser parser, DataTableSourceBlock source)
    {
        var table = new DataTableBlock(parser)
        {
            Id = source.Id,
            Line = source.Line,
            Column = source.Column,
            Span = source.Span,
        };

        if (!IdPattern().IsMatch(source.Id))
        {
            table.Problems.Add(new SourceProblem(source.Line, source.Column,
                $"A table needs an id made of lowercase letters, digits and hyphens after '::: table' (for example '::: table dima-baseline'){(source.Id.Length > 0 ? $"; '{source.Id}' is not one" : string.Empty)}."));
        }

        if (!source.ClosedByFence)
        {
            table.Problems.Add(new SourceProblem(source.Line, source.Column, "This table is never closed. Add a line with only ':::' after the table's last line."));
        }

        var caption = new TableCaptionBlock { Line = source.Line, Column = source.Column };
        var rows = new List<(StringLine Line, List<Cell> Cells)>(source.Lines.Count);
        var phase = Phase.Caption;
        var separatorSeen = false;
        var afterTable = new List<Markdig.Syntax.Block>();

        for (var i = 0; i < source.Lines.Count; i++)
        {
            var line = source.Lines.Lines[i];
            var slice = line.Slice;
            slice.Trim();
            if (slice.IsEmpty)
            {
                continue;
            }

            if (slice.CurrentChar == '|')
            {
                if (phase == Phase.AfterRows)
                {
                    table.Problems.Add(new SourceProblem(line.Line, line.Column, "Table rows must come together; notes and abbreviations go after the last row."));
                }

                phase = Phase.Rows;
                var cells = SplitCells(line, slice);
                if (cells.TrueForAll(c => c.IsSeparator))
                {
                    if (separatorSeen)
                    {
                        table.Problems.Add(new SourceProblem(line.Line, line.Column, "A table has one '|---|' line, between the header rows and the body rows."));
                    }

                    separatorSeen = true;
                    rows.Add((line, []));
                    continue;
                }

                rows.Add((line, cells));
                continue;
            }

            if (phase == Phase.Caption)
            {
                var text = slice;
                caption.AppendLine(ref text, line.Column + (slice.Start - line.Slice.Start), line.Line, line.Position + (slice.Start - line.Slice.Start), false);
                continue;
            }

            phase = Phase.AfterRows;
            if (ReadTrailingLine(table, line, slice) is { } trailing)
            {
                afterTable.Add(trailing);
            }
        }

        if (caption.Lines.Count == 0)
        {
            table.Problems.Add(new SourceProblem(source.Line, source.Column, "A table needs a caption: write it on the first line inside the '::: table' block."));
        }
        else
        {
            // Only a caption with text joins the tree: Markdig cannot process an empty leaf's inlines.
            table.Add(caption);
        }
        AddRows(table, rows, separatorSeen);
        foreach (var block in afterTable)
        {
            table.Add(block);
        }

        return table;
    }

    private static Markdig.Syntax.Block? ReadTrailingLine(DataTableBlock table, StringLine line, StringSlice slice)
    {
        var text = slice.ToString();
        var note = NoteStart().Match(text);
        if (note.Success)
        {
            var block = new TableNoteBlock { Label = note.Groups["label"].Value, Line = line.Line, Column = line.Column };
            AppendPart(block, line, slice.Start + note.Length, slice.End);
            return block;
        }

        if (text.StartsWith("Abbreviations:", StringComparison.Ordinal))
        {
            var block = new TableAbbreviationsBlock { Line = line.Line, Column = line.Column };
            AppendPart(block, line, slice.Start, slice.End);
            return block;
        }

        table.Problems.Add(new SourceProblem(line.Line, line.Column,
            "After the table rows only notes ('[^a]: ...') and the 'Abbreviations: ...' line may follow. Is a row missing its leading '|'?"));
        return null;
    }

    private static void AddRows(DataTableBlock table, List<(StringLine Line, List<Cell> Cells)> rows, bool separatorSeen)
    {
        var dataRows = rows.Where(r => r.Cells.Count > 0).ToList();
        if (dataRows.Count == 0)
        {
            table.Problems.Add(new SourceProblem(table.Line, table.Column, "This table has no rows. Write each row on its own line as '| cell | cell |'."));
            return;
        }

        if (!separatorSeen)
        {
            table.Problems.Add(new SourceProblem(dataRows[0].Line.Line, dataRows[0].Line.Column,
                "A table needs a '|---|---|' line under its header row(s), so readers and screen readers know which rows are headers."));
        }

        table.ColumnCount = dataRows[0].Cells.Count;
        var isHeader = separatorSeen;
        TableCellBlock?[]? above = null;
        foreach (var (line, cells) in rows)
        {
            if (cells.Count == 0)
            {
                // The separator: header rows end here, and a '^' cannot reach across it.
                isHeader = false;
                above = null;
                continue;
            }

            if (cells.Count != table.ColumnCount)
            {
                table.Problems.Add(new SourceProblem(line.Line, line.Column,
                    $"This row has {cells.Count} cells but the table has {table.ColumnCount} columns. Add empty cells ('| |'), or write '<' where the cell to the left spans over."));
            }

            var row = new TableRowBlock { IsHeader = isHeader, Line = line.Line, Column = line.Column };
            var owners = new TableCellBlock?[table.ColumnCount];
            for (var col = 0; col < cells.Count && col < table.ColumnCount; col++)
            {
                var cell = cells[col];
                owners[col] = PlaceCell(table, row, cell, col, owners, above);
            }

            table.Add(row);
            above = owners;
        }
    }

    private static TableCellBlock? PlaceCell(DataTableBlock table, TableRowBlock row, Cell cell, int col, TableCellBlock?[] owners, TableCellBlock?[]? above)
    {
        if (cell.Text.SequenceEqual(SpanLeft))
        {
            var left = col > 0 ? owners[col - 1] : null;
            if (left is null)
            {
                table.Problems.Add(new SourceProblem(cell.Line, cell.Column, "'<' joins a cell to the one on its left, but there is no cell there."));
                return null;
            }

            left.ColumnSpan++;
            return left;
        }

        if (cell.Text.SequenceEqual(SpanUp))
        {
            var up = above?[col];
            if (up is null)
            {
                table.Problems.Add(new SourceProblem(cell.Line, cell.Column, "'^' joins a cell to the one above it, but there is no cell above in this part of the table."));
                return null;
            }

            // A cell spanning several columns is covered by several '^': count the row once, at its first column.
            if (col == 0 || above![col - 1] != up)
            {
                up.RowSpan++;
            }

            return up;
        }

        var block = new TableCellBlock { Line = cell.Line, Column = cell.Column };
        var start = cell.Start;
        if (col == 0)
        {
            var indent = 0;
            while (start <= cell.End && cell.Source.Slice.Text[start] == '>')
            {
                indent++;
                start++;
            }

            while (start <= cell.End && cell.Source.Slice.Text[start] == ' ')
            {
                start++;
            }

            if (indent > MaxIndent)
            {
                table.Problems.Add(new SourceProblem(cell.Line, cell.Column, $"A row can be indented at most {MaxIndent} levels."));
            }

            row.Indent = Math.Min(indent, MaxIndent);
        }

        AppendPart(block, cell.Source, start, cell.End);
        row.Add(block);
        return block;
    }

    private static void AppendPart(Markdig.Syntax.LeafBlock block, StringLine line, int start, int end)
    {
        var part = new StringSlice(line.Slice.Text, start, end);
        var offset = start - line.Slice.Start;
        block.AppendLine(ref part, line.Column + offset, line.Line, line.Position + offset, false);
    }

    /// <summary>Splits "| a | b \| c |" into cells at every unescaped '|', trimming each.</summary>
    private static List<Cell> SplitCells(StringLine line, StringSlice slice)
    {
        var cells = new List<Cell>();
        var text = slice.Text;
        var end = slice.End;
        if (end > slice.Start && text[end] == '|' && text[end - 1] != '\\')
        {
            end--;
        }

        var cellStart = slice.Start + 1;
        for (var i = cellStart; i <= end + 1; i++)
        {
            var atEnd = i > end;
            if (!atEnd && text[i] == '\\')
            {
                i++;
                continue;
            }

            if (atEnd || text[i] == '|')
            {
                var s = cellStart;
                var e = i - 1;
                while (s <= e && text[s] == ' ')
                {
                    s++;
                }

                while (e >= s && text[e] == ' ')
                {
                    e--;
                }

                var offset = s - line.Slice.Start;
                cells.Add(new Cell(line, s, e, line.Line, line.Column + offset));
                cellStart = i + 1;
            }
        }

        return cells;
    }

    private enum Phase
    {
        Caption,
        Rows,
        AfterRows,
    }

    /// <summary>A cell's place in its line (a value: a table has hundreds of cells).</summary>
    private readonly record struct Cell(StringLine Source, int Start, int End, int Line, int Column)
    {
        /// <summary>The cell's text, trimmed, without copying it out of the file's text.</summary>
        public ReadOnlySpan<char> Text => Source.Slice.Text.AsSpan(Start, End - Start + 1);

        /// <summary>A cell of the '|---|' line ('---', ':---', '---:' or ':---:'); the pattern only runs on a cell that starts like one.</summary>
        public bool IsSeparator => Text is [':' or '-', ..] && SeparatorCell().IsMatch(Text);
    }

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex SeparatorCell();

    [GeneratedRegex(@"^\[\^(?<label>[a-z0-9]{1,3})\]:\s*")]
    private static partial Regex NoteStart();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
