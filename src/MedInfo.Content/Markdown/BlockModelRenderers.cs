using Markdig.Renderers;
using Markdig.Syntax;
using MedInfo.Letters;

namespace MedInfo.Content.Markdown;

internal sealed class ParagraphModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, ParagraphBlock>
{
    protected override void Write(LetterModelRenderer renderer, ParagraphBlock obj)
    {
        var content = renderer.RenderInlines(obj.Inline);
        if (content.Count > 0 && MayStartWithFence(content) && LetterPlainText.Text(content) is var text && text.StartsWith(":::", StringComparison.Ordinal))
        {
            // A ':::' line no block took: a misspelt kind, or a closing line with nothing open. Never printed as text.
            // (A known kind refused where it stands, a box in a box, was reported by its own parser.)
            var kind = text[3..].TrimStart().Split(' ')[0];
            if (kind.Length == 0)
            {
                renderer.Context.Diagnostics.Error(obj, "This ':::' closes nothing: no study card, box or table is open here. Remove the line, or check the block above it.");
            }
            else if (!Fence.Kinds.Contains(kind))
            {
                renderer.Context.Diagnostics.Error(obj, $"'::: {kind}' is not a block of the letter format. A block opens with '::: study Title', '::: table id', '::: warning Title', '::: note Title' or '::: figure id' (lowercase).");
            }

            return;
        }

        if (content.Count > 0)
        {
            renderer.Emit(new Paragraph(content));
        }
    }

    /// <summary>Whether the paragraph's text can start with ':::', without making the text of every paragraph: a text
    /// run is its own text, so one that does not start with ':' settles it.</summary>
    private static bool MayStartWithFence(IReadOnlyList<LetterInline> content) =>
        content[0] is not TextRun { Text: var first } || first.StartsWith(':');
}

internal sealed class HeadingModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, HeadingBlock>
{
    protected override void Write(LetterModelRenderer renderer, HeadingBlock obj)
    {
        var content = renderer.RenderInlines(obj.Inline);
        var level = obj.Level + renderer.HeadingOffset;
        if (obj.Level < 3)
        {
            renderer.Context.Diagnostics.Error(obj, "Use '##' only for the letter's sections (Summary, Clinical Data, ...) and '###' or deeper inside them.");
        }
        else if (level > 6)
        {
            renderer.Context.Diagnostics.Error(obj, "This heading is nested too deep; use at most '#####' (inside a study card, '####').");
        }

        renderer.Emit(new Heading(Math.Min(level, 6), renderer.Context.NewAnchor(LetterPlainText.Text(content)), content));
    }
}

internal sealed class ListModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, ListBlock>
{
    protected override void Write(LetterModelRenderer renderer, ListBlock obj)
    {
        var items = new List<ListItem>(obj.Count);
        foreach (var block in obj)
        {
            if (block is ListItemBlock item)
            {
                items.Add(new ListItem(renderer.RenderBlocks(item)));
            }
        }

        renderer.Emit(new BulletList(obj.IsOrdered, items));
    }
}

/// <summary>Blocks a letter has no use for: raw HTML (an XSS door), code, quotes and rules. Each is an editor's error.</summary>
internal sealed class UnsupportedBlockModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, Block>
{
    protected override void Write(LetterModelRenderer renderer, Block obj)
    {
        var message = obj switch
        {
            HtmlBlock => "Raw HTML is not allowed in letters. Write the text as Markdown; for tables use '::: table'.",
            FencedCodeBlock { Info: { Length: > 0 } language } =>
                $"A fenced code block (```{language}) is not part of the letter format, and raw {language} is never shown. Write the text as Markdown; for tables use '::: table'.",
            FencedCodeBlock => "A fenced code block (``` or ~~~) is not part of the letter format. Remove the fence lines and write the text as Markdown.",
            CodeBlock => "Indented lines are read as a code block, which letters do not have. Remove the indent (lists indent their sub-items by 2 or 4 spaces under the bullet text).",
            QuoteBlock => "Quote blocks ('>') are not part of the letter format. Outside tables, '>' cannot start a line.",
            ThematicBreakBlock => "Horizontal rules ('---' or '***') are not part of the letter format. Remove the line.",
            _ => null,
        };

        if (message is not null)
        {
            renderer.Context.Diagnostics.Error(obj, message);
        }
    }
}
