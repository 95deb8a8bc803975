using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.Figures;

/// <summary>Figures: an image kept beside the letter, with alt text and a numbered caption.</summary>
public sealed class FigureExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<FigureParser>())
        {
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new FigureParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is LetterModelRenderer model)
        {
            model.ObjectRenderers.Insert(0, new FigureModelRenderer());
        }
    }
}
