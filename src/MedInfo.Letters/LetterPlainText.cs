using System.Globalization;
using System.Text;

namespace MedInfo.Letters;

/// <summary>
/// Flattens a letter to plain text the way a copy-paste of the printed letter reads: one line per paragraph,
/// bullet or table cell, superscripts inline ("Dima et al (2023)1"), indented rows indented by three spaces a level.
/// Used for the full-text index and to check a letter against a plain-text copy of the original.
/// </summary>
public static class LetterPlainText
{
    public static string Render(Letter letter)
    {
        var lines = new Lines();
        var meta = letter.Metadata;
        lines.Next().Append(meta.Audience.Notice);
        foreach (var product in meta.Products)
        {
            lines.Next().Append(product.DisplayName);
        }

        lines.Next().Append(meta.DocumentKind);
        lines.Next().Append(meta.Title);
        lines.Next().Append("Last Updated: ").Append(FormatDate(meta.LastUpdated, meta.Audience.Region));
        foreach (var section in letter.Sections)
        {
            lines.Next().Append(section.Title);
            AddBlocks(lines, section.Blocks, 0, forSearch: false);
        }

        if (meta.LiteratureSearch is { } search)
        {
            lines.Next().Append("LITERATURE SEARCH");
            lines.Next().Append(search.Statement);
        }

        if (letter.References.Count > 0)
        {
            lines.Next().Append("References");
            foreach (var reference in letter.References)
            {
                lines.Next().Append(reference.Number.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(reference.Text);
            }
        }

        return lines.ToString();
    }

    /// <summary>The text of a block's inlines, with citations, footnote markers and sub/superscripts inline.</summary>
    public static string Text(IEnumerable<LetterInline> inlines)
    {
        var text = new StringBuilder();
        AppendText(text, inlines as IReadOnlyList<LetterInline> ?? [.. inlines], forSearch: false);
        return text.ToString();
    }

    /// <summary>Dates as the letter's region prints them: 05/08/2025 in the US, 8 May 2025 elsewhere.</summary>
    public static string FormatDate(DateOnly date, string region) =>
        string.Equals(region, "US", StringComparison.OrdinalIgnoreCase)
            ? date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)
            : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The body text of a section list, for the search index and its snippets: as it reads, without citation numbers
    /// and footnote markers, which would glue to the words they follow ("rates.1,2,4", "you1:").
    /// </summary>
    public static string Body(IEnumerable<LetterSection> sections)
    {
        var lines = new Lines();
        foreach (var section in sections)
        {
            lines.Next().Append(section.Title);
            AddBlocks(lines, section.Blocks, 0, forSearch: true);
        }

        return lines.ToString();
    }

    private static void AddBlocks(Lines lines, IReadOnlyList<LetterBlock> blocks, int listDepth, bool forSearch)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            AddBlock(lines, blocks[i], listDepth, forSearch);
        }
    }

    private static void AddBlock(Lines lines, LetterBlock block, int listDepth, bool forSearch)
    {
        switch (block)
        {
            case Paragraph p:
                AppendText(lines.Next(), p.Content, forSearch);
                break;
            case Heading h:
                AppendText(lines.Next(), h.Content, forSearch);
                break;
            case StudyCard card:
                AppendText(lines.Next(), card.Title, forSearch);
                AddBlocks(lines, card.Blocks, 0, forSearch);
                break;
            case Figure figure:
                AppendText(lines.Next().Append(figure.Label).Append(". "), figure.Caption, forSearch);
                break;
            case Callout box:
                if (box.Title.Count > 0)
                {
                    AppendText(lines.Next(), box.Title, forSearch);
                }
                else
                {
                    lines.Next().Append(box.Kind.ToString());
                }

                AddBlocks(lines, box.Blocks, 0, forSearch);
                break;
            case BulletList list:
                foreach (var item in list.Items)
                {
                    AddListItem(lines, item, listDepth + 1, forSearch);
                }

                break;
            case DataTable table:
                AddTable(lines, table, forSearch);
                break;
        }
    }

    private static void AddListItem(Lines lines, ListItem item, int depth, bool forSearch)
    {
        for (var i = 0; i < item.Blocks.Count; i++)
        {
            if (i == 0 && item.Blocks[i] is Paragraph p)
            {
                AppendText(lines.Next().Append(' ', depth * 2).Append("• "), p.Content, forSearch);
            }
            else
            {
                AddBlock(lines, item.Blocks[i], depth, forSearch);
            }
        }
    }

    private static void AddTable(Lines lines, DataTable table, bool forSearch)
    {
        AppendText(lines.Next(), table.Caption, forSearch);
        AddRows(lines, table.HeaderRows, forSearch);
        AddRows(lines, table.BodyRows, forSearch);
        if (table.Abbreviations is { } abbreviations)
        {
            AppendText(lines.Next(), abbreviations.Content, forSearch);
        }

        foreach (var note in table.Notes)
        {
            AppendText(forSearch ? lines.Next() : lines.Next().Append(note.Label), note.Content, forSearch);
        }
    }

    private static void AddRows(Lines lines, IReadOnlyList<TableRow> rows, bool forSearch)
    {
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                if (cell.IsEmpty)
                {
                    continue;
                }

                // The first cell of an indented row is indented by three spaces a level.
                AppendText(lines.Next().Append(' ', i == 0 ? row.Indent * 3 : 0), cell.Content, forSearch);
            }
        }
    }

    private static void AppendText(StringBuilder text, IReadOnlyList<LetterInline> inlines, bool forSearch)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case TextRun t:
                    text.Append(t.Text);
                    break;
                case Emphasis e:
                    AppendText(text, e.Content, forSearch);
                    break;
                case Hyperlink l:
                    AppendText(text, l.Content, forSearch);
                    break;
                case TableReference r:
                    AppendText(text, r.Content, forSearch);
                    break;
                case FigureReference r:
                    AppendText(text, r.Content, forSearch);
                    break;
                case Citation c when !forSearch:
                    text.Append(c.Label);
                    break;
                case FootnoteMarker m when !forSearch:
                    text.Append(m.Label);
                    break;
                case LineBreak:
                    text.Append(' ');
                    break;
            }
        }
    }

    /// <summary>The text being written, a line at a time: lines are separated by '\n', none ends the text.</summary>
    private sealed class Lines
    {
        private readonly StringBuilder text = new(8 * 1024);
        private bool started;

        /// <summary>Starts a line and returns the text to write it into.</summary>
        public StringBuilder Next()
        {
            if (started)
            {
                text.Append('\n');
            }

            started = true;
            return text;
        }

        public override string ToString() => text.ToString();
    }
}
