using MedInfo.Letters;

namespace MedInfo.Rendering.Components;

/// <summary>One cell placed in the grid, with the header cells that describe it.</summary>
public sealed record PlacedCell(TableCell Cell, int Column, string Id, string? Headers, bool IsRowHeader);

/// <summary>A row ready to render.</summary>
public sealed record PlacedRow(TableRow Row, IReadOnlyList<PlacedCell> Cells);

/// <summary>
/// Places a table's cells in columns (spans taken into account) and works out, for every data cell, which header
/// cells describe it: its column headers, its row's label, and the labels of the group rows it is indented under.
/// That is how an indented row ("IgG" under "Heavy chain isotope, n (%)") is read as hierarchy by a screen reader.
/// </summary>
public sealed class DataTableLayout
{
    /// <param name="table">The table.</param>
    /// <param name="idPrefix">Before every cell id: the table's anchor as it appears on the page.</param>
    public DataTableLayout(DataTable table, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(table);
        var prefix = idPrefix;
        HeaderRows = Place(table.HeaderRows, table.ColumnCount, (r, c) => $"{prefix}-h{r}-{c}", header: true, columnHeaders: null);
        var columnHeaders = new List<string>[table.ColumnCount];
        for (var c = 0; c < table.ColumnCount; c++)
        {
            columnHeaders[c] = HeaderRows.SelectMany(r => r.Cells)
                .Where(cell => cell.Column <= c && c < cell.Column + cell.Cell.ColumnSpan)
                .Select(cell => cell.Id)
                .ToList();
        }

        BodyRows = Place(table.BodyRows, table.ColumnCount, (r, c) => $"{prefix}-r{r}-{c}", header: false, columnHeaders);
    }

    public IReadOnlyList<PlacedRow> HeaderRows { get; }

    public IReadOnlyList<PlacedRow> BodyRows { get; }

    private static List<PlacedRow> Place(IReadOnlyList<TableRow> rows, int columns, Func<int, int, string> id, bool header, List<string>[]? columnHeaders)
    {
        var placed = new List<PlacedRow>();
        var coveredUntil = new int[Math.Max(columns, 1)];
        var groupLabels = new List<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var cells = new List<PlacedCell>();
            var column = 0;
            string? rowLabel = null;
            if (!header)
            {
                // The labels of the rows above this one at lower indent levels: its parents.
                if (groupLabels.Count > row.Indent)
                {
                    groupLabels.RemoveRange(row.Indent, groupLabels.Count - row.Indent);
                }
            }

            foreach (var cell in row.Cells)
            {
                while (column < columns && coveredUntil[column] > r)
                {
                    column++;
                }

                var cellId = id(r, column);
                var isRowHeader = !header && column == 0;
                string? headers = null;
                if (columnHeaders is not null)
                {
                    var describedBy = Enumerable.Range(column, Math.Min(cell.ColumnSpan, columns - column))
                        .SelectMany(c => columnHeaders[c]).Distinct().ToList();
                    describedBy.AddRange(groupLabels);
                    if (!isRowHeader && rowLabel is not null)
                    {
                        describedBy.Add(rowLabel);
                    }

                    headers = describedBy.Count > 0 ? string.Join(' ', describedBy) : null;
                }

                cells.Add(new PlacedCell(cell, column, cellId, headers, isRowHeader));
                if (isRowHeader)
                {
                    rowLabel = cellId;
                }

                for (var c = column; c < Math.Min(column + cell.ColumnSpan, columns); c++)
                {
                    coveredUntil[c] = r + cell.RowSpan;
                }

                column += cell.ColumnSpan;
            }

            if (!header && rowLabel is not null)
            {
                while (groupLabels.Count < row.Indent)
                {
                    groupLabels.Add(groupLabels.LastOrDefault() ?? rowLabel);
                }

                groupLabels.Add(rowLabel);
            }

            placed.Add(new PlacedRow(row, cells));
        }

        return placed;
    }
}
