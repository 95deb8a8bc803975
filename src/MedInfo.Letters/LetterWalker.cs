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
                BulletList list => list.Items.SelectMany(i => i.Blocks).ToList(),
                _ => [],
            };
            foreach (var child in Blocks(children))
            {
                yield return child;
            }
        }
    }

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
                _ => [],
            };
            foreach (var child in Inlines(children))
            {
                yield return child;
            }
        }
    }
}
