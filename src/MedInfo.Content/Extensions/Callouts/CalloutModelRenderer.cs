using Markdig.Renderers;
using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content.Extensions.Callouts;

public sealed class CalloutModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, CalloutBlock>
{
    protected override void Write(LetterModelRenderer renderer, CalloutBlock obj)
    {
        var title = renderer.RenderInlines(obj.Title.Inline);
        var label = title.Count > 0 ? LetterPlainText.Text(title.Where(i => i is not Citation)) : obj.Kind.ToString();
        var anchor = renderer.Context.NewAnchor(label, obj.Kind == CalloutKind.Warning ? "warning-" : "note-");

        // The box's title is a heading at the level a '###' would have here; headings inside it sit one lower.
        var level = Math.Min(3 + renderer.HeadingOffset, 6);
        renderer.HeadingOffset++;
        var blocks = renderer.RenderBlocks(obj.Skip(1));
        renderer.HeadingOffset--;
        if (blocks.Count == 0)
        {
            renderer.Context.Diagnostics.Error(obj, $"This {obj.Name} is empty. Write its text on the lines between '::: {obj.Kind.ToString().ToLowerInvariant()}' and ':::'.");
        }

        renderer.Emit(new Callout(obj.Kind, level, anchor, title, blocks));
    }
}
