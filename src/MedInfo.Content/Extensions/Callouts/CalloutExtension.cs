using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.Callouts;

/// <summary>Boxed warnings and notes: a labelled box around ordinary letter content.</summary>
public sealed class CalloutExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<CalloutParser>())
        {
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new CalloutParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is LetterModelRenderer model)
        {
            model.ObjectRenderers.Insert(0, new CalloutModelRenderer());
        }
    }
}
