using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.StudyCards;

/// <summary>Study cards: a titled, cited block with its own sub-sections, one per study.</summary>
public sealed class StudyCardExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<StudyCardParser>())
        {
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new StudyCardParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is LetterModelRenderer model)
        {
            model.ObjectRenderers.Insert(0, new StudyCardModelRenderer());
        }
    }
}
