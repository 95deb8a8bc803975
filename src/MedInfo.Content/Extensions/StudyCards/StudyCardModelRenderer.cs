using Markdig.Renderers;
using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content.Extensions.StudyCards;

public sealed class StudyCardModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, StudyCardBlock>
{
    protected override void Write(LetterModelRenderer renderer, StudyCardBlock obj)
    {
        var title = renderer.RenderInlines(obj.Title.Inline);
        var anchor = renderer.Context.NewAnchor(LetterPlainText.Text(title.Where(i => i is not Citation)), "study-");

        // The card's title is a heading of its own, so headings inside it sit one level lower.
        renderer.HeadingOffset++;
        var blocks = renderer.RenderBlocks(obj.Skip(1));
        renderer.HeadingOffset--;
        renderer.Emit(new StudyCard(anchor, title, blocks));
    }
}
