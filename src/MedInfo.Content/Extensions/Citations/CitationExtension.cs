using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.Citations;

/// <summary>Citations by reference key, numbered in order of first citation so an editor never renumbers by hand.</summary>
public sealed class CitationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is LetterModelRenderer model)
        {
            model.ObjectRenderers.Insert(0, new CitationModelRenderer());
        }
    }
}
