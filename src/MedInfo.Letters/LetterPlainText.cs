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
        var lines = new List<string>();
        var meta = letter.Metadata;
        lines.Add(meta.Audience.Notice);
        lines.AddRange(meta.Products.Select(p => p.DisplayName));
        lines.Add(meta.DocumentKind);
        lines.Add(meta.Title);
        lines.Add("Last Updated: " + FormatDate(meta.LastUpdated, meta.Audience.Region));
        foreach (var section in letter.Sections)
        {
            lines.Add(section.Title);
            AddBlocks(lines, section.Blocks, 0, forSearch: false);
        }

        if (meta.LiteratureSearch is { } search)
        {
            lines.Add("LITERATURE SEARCH");
            lines.Add(search.Statement);
        }

        if (letter.References.Count > 0)
        {
            lines.Add("References");
            lines.AddRange(letter.References.Select(r => $"{r.Number.ToString(CultureInfo.InvariantCulture)} {r.Text}"));
        }

        return string.Join('\n', lines);
    }

    /// <summary>The text of a block's inlines, with citations, footnote markers and sub/superscripts inline.</summary>
    public static string Text(IEnumerable<LetterInline> inlines) => Text(inlines, forSearch: false);

    private static string Text(IEnumerable<LetterInline> inlines, bool forSearch)
    {
        var text = new StringBuilder();
        AppendText(text, inlines, forSearch);
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
        var lines = new List<string>();
        foreach (var section in sections)
        {
            lines.Add(section.Title);
            AddBlocks(lines, section.Blocks, 0, forSearch: true);
        }

        return string.Join('\n', lines);
    }

    private static void AddBlocks(List<string> lines, IEnumerable<LetterBlock> blocks, int listDepth, bool forSearch)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    lines.Add(Text(p.Content, forSearch));
                    break;
                case Heading h:
                    lines.Add(Text(h.Content, forSearch));
                    break;
                case StudyCard card:
                    lines.Add(Text(card.Title, forSearch));
                    AddBlocks(lines, card.Blocks, 0, forSearch);
                    break;
                case Figure figure:
                    lines.Add($"{figure.Label}. {Text(figure.Caption, forSearch)}");
                    break;
                case Callout box:
                    lines.Add(box.Title.Count > 0 ? Text(box.Title, forSearch) : box.Kind.ToString());
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
    }

    private static void AddListItem(List<string> lines, ListItem item, int depth, bool forSearch)
    {
        var bullet = new string(' ', depth * 2) + "• ";
        var first = true;
        foreach (var block in item.Blocks)
        {
            if (block is Paragraph p && first)
            {
                lines.Add(bullet + Text(p.Content, forSearch));
            }
            else
            {
                AddBlocks(lines, [block], depth, forSearch);
            }

            first = false;
        }
    }

    private static void AddTable(List<string> lines, DataTable table, bool forSearch)
    {
        lines.Add(Text(table.Caption, forSearch));
        foreach (var row in table.HeaderRows.Concat(table.BodyRows))
        {
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                if (cell.IsEmpty)
                {
                    continue;
                }

                var indent = i == 0 ? new string(' ', row.Indent * 3) : string.Empty;
                lines.Add(indent + Text(cell.Content, forSearch));
            }
        }

        if (table.Abbreviations is { } abbreviations)
        {
            lines.Add(Text(abbreviations.Content, forSearch));
        }

        lines.AddRange(table.Notes.Select(n => (forSearch ? string.Empty : n.Label) + Text(n.Content, forSearch)));
    }

    private static void AppendText(StringBuilder text, IEnumerable<LetterInline> inlines, bool forSearch)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
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
}
