using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.References;

/// <summary>
/// Reference definitions (<c>[@key]: text {pmid=... doi=...}</c>). They print nothing where they stand: the letter's
/// reference list is built from them, numbered in order of first citation.
/// </summary>
public sealed class ReferenceExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<ReferenceDefinitionParser>())
        {
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new ReferenceDefinitionParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is LetterModelRenderer model)
        {
            model.ObjectRenderers.Insert(0, new ReferenceDefinitionModelRenderer());
        }
    }
}
