namespace MedInfo.Letters;

/// <summary>Walks a letter's blocks and inlines in reading order.</summary>
public static class LetterWalker
{
    public static IEnumerable<LetterBlock> Blocks(IEnumerable<LetterBlock> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            var children = block switch
            {
                StudyCard card => card.Blocks,
                Callout box => box.Blocks,
                BulletList list => list.Items.SelectMany(i => i.Blocks).ToList(),
                _ => [],
            };
            foreach (var child in Blocks(children))
            {
                yield return child;
            }
        }
    }

    /// <summary>Every inline of a letter in reading order, table captions, cells and notes included.</summary>
    public static IEnumerable<LetterInline> Inlines(Letter letter) =>
        letter.Sections.SelectMany(s => Blocks(s.Blocks)).SelectMany(BlockInlines).SelectMany(i => Inlines([i]));

    private static IEnumerable<LetterInline> BlockInlines(LetterBlock block) => block switch
    {
        Paragraph p => p.Content,
        Heading h => h.Content,
        StudyCard card => card.Title,
        Callout box => box.Title,
        Figure figure => figure.Caption,
        DataTable table => table.Caption
            .Concat(table.HeaderRows.Concat(table.BodyRows).SelectMany(r => r.Cells).SelectMany(c => c.Content))
            .Concat(table.Notes.SelectMany(n => n.Content))
            .Concat(table.Abbreviations?.Content ?? []),
        _ => [],
    };

    public static IEnumerable<LetterInline> Inlines(IEnumerable<LetterInline> inlines)
    {
        foreach (var inline in inlines)
        {
            yield return inline;
            var children = inline switch
            {
                Emphasis e => e.Content,
                Hyperlink l => l.Content,
                TableReference t => t.Content,
                FigureReference f => f.Content,
                _ => [],
            };
            foreach (var child in Inlines(children))
            {
                yield return child;
            }
        }
    }
}
