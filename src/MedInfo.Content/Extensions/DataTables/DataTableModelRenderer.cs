using Markdig.Renderers;
using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>The table being rendered, shared by the renderers of tables and of footnote markers.</summary>
internal sealed class TableBeingRendered
{
    /// <summary>The id of the table being rendered (null outside tables), so its footnote markers can point at its notes.</summary>
    public string? Id { get; set; }

    /// <summary>The footnote markers of its cells, collected while they are rendered (null outside its rows).</summary>
    public List<FootnoteMarkerInline>? CellMarkers { get; set; }
}

internal sealed class DataTableModelRenderer(TableBeingRendered table) : MarkdownObjectRenderer<LetterModelRenderer, DataTableBlock>
{
    protected override void Write(LetterModelRenderer renderer, DataTableBlock obj)
    {
        var diagnostics = renderer.Context.Diagnostics;
        table.Id = obj.Id;
        var caption = renderer.RenderInlines(obj.OfType<TableCaptionBlock>().FirstOrDefault()?.Inline);
        var markers = table.CellMarkers = [];
        var (headerRows, bodyRows) = (new List<TableRow>(), new List<TableRow>(obj.Count));
        foreach (var block in obj)
        {
            if (block is TableRowBlock row)
            {
                (row.IsHeader ? headerRows : bodyRows).Add(RenderRow(renderer, row));
            }
        }

        table.CellMarkers = null;
        var notes = obj.OfType<TableNoteBlock>().Select(n => new TableNote(n.Label, renderer.RenderInlines(n.Inline))).ToList();
        var abbreviationBlocks = obj.OfType<TableAbbreviationsBlock>().ToList();
        AbbreviationList? abbreviations = null;
        if (abbreviationBlocks.Count > 0)
        {
            var content = renderer.RenderInlines(abbreviationBlocks[0].Inline);
            abbreviations = new AbbreviationList(content, AbbreviationReader.Read(LetterPlainText.Text(content)));
            if (abbreviationBlocks.Count > 1)
            {
                diagnostics.Error(abbreviationBlocks[1], "A table has one 'Abbreviations:' line; join them with '; '.");
            }
        }

        CheckNotes(renderer, obj, notes, markers);
        table.Id = null;
        renderer.Emit(new DataTable(obj.Id, caption, obj.ColumnCount, headerRows, bodyRows, abbreviations, notes));
    }

    private static TableRow RenderRow(LetterModelRenderer renderer, TableRowBlock row)
    {
        // A loop, not a query: a letter has hundreds of cells, and the query's iterators were a tenth of its garbage.
        var cells = new List<TableCell>(row.Count);
        foreach (var block in row)
        {
            if (block is TableCellBlock cell)
            {
                cells.Add(new TableCell(renderer.RenderInlines(cell.Inline), cell.ColumnSpan, cell.RowSpan));
            }
        }

        return new TableRow(row.Indent, cells);
    }

    private static void CheckNotes(LetterModelRenderer renderer, DataTableBlock table, List<TableNote> notes, List<FootnoteMarkerInline> markers)
    {
        var diagnostics = renderer.Context.Diagnostics;
        var labels = notes.Select(n => n.Label).ToHashSet(StringComparer.Ordinal);
        foreach (var marker in markers.Where(m => !labels.Contains(m.Label)))
        {
            diagnostics.Error(marker, $"Footnote marker [^{marker.Label}] has no note. Add '[^{marker.Label}]: ...' under the table.");
        }

        var used = markers.Select(m => m.Label).ToHashSet(StringComparer.Ordinal);
        foreach (var note in table.OfType<TableNoteBlock>().Where(n => !used.Contains(n.Label)))
        {
            diagnostics.Warning(note, $"Note [^{note.Label}] is not marked in any cell of this table.");
        }

        foreach (var duplicate in table.OfType<TableNoteBlock>().GroupBy(n => n.Label).Where(g => g.Count() > 1))
        {
            diagnostics.Error(duplicate.Skip(1).First(), $"Note [^{duplicate.Key}] is written twice under this table.");
        }
    }
}

internal sealed class FootnoteMarkerModelRenderer(TableBeingRendered table) : MarkdownObjectRenderer<LetterModelRenderer, FootnoteMarkerInline>
{
    protected override void Write(LetterModelRenderer renderer, FootnoteMarkerInline obj)
    {
        table.CellMarkers?.Add(obj);
        if (table.Id is null)
        {
            renderer.Context.Diagnostics.Error(obj, $"Footnote markers like [^{obj.Label}] belong in table cells; outside a table, cite a reference with [@key].");
        }

        renderer.Emit(new FootnoteMarker(obj.Label));
    }
}
