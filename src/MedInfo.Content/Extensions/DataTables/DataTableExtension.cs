using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>
/// Data tables with caption, spans, indented and group rows, footnotes and abbreviations: what GFM pipe tables
/// cannot say. See <see cref="DataTableBuilder"/> for the syntax.
/// </summary>
public sealed class DataTableExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<DataTableParser>())
        {
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new DataTableParser());
        }

        if (!pipeline.InlineParsers.Contains<FootnoteMarkerInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new FootnoteMarkerInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is LetterModelRenderer model)
        {
            var table = new TableBeingRendered();
            model.ObjectRenderers.Insert(0, new DataTableModelRenderer(table));
            model.ObjectRenderers.Insert(0, new FootnoteMarkerModelRenderer(table));
        }
    }
}
