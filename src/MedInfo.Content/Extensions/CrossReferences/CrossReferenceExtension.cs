using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.CrossReferences;

/// <summary>
/// Cross-references to tables. Editors write an ordinary Markdown link whose address is <c>table:</c> and the table's id;
/// after parsing, such links become <see cref="TableReferenceInline"/> nodes with the words the editor wrote.
/// </summary>
public sealed class CrossReferenceExtension : IMarkdownExtension
{
    public const string Scheme = "table:";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= ReplaceTableLinks;
        pipeline.DocumentProcessed += ReplaceTableLinks;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is LetterModelRenderer model)
        {
            model.ObjectRenderers.Insert(0, new TableReferenceModelRenderer());
        }
    }

    private static void ReplaceTableLinks(MarkdownDocument document)
    {
        var links = document.Descendants<LinkInline>()
            .Where(l => !l.IsImage && l.Url is not null && l.Url.StartsWith(Scheme, StringComparison.Ordinal))
            .ToList();
        foreach (var link in links)
        {
            var reference = new TableReferenceInline(link.Url![Scheme.Length..])
            {
                Span = link.Span,
                Line = link.Line,
                Column = link.Column,
            };
            while (link.FirstChild is { } child)
            {
                child.Remove();
                reference.AppendChild(child);
            }

            link.ReplaceBy(reference);
        }
    }
}
