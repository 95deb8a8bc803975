using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.CrossReferences;

/// <summary>
/// Cross-references to tables and figures. Editors write an ordinary Markdown link whose address is <c>table:</c>
/// or <c>figure:</c> and the id; after parsing, <see cref="LetterReader"/> turns such links into
/// <see cref="CrossReferenceInline"/> nodes with the words the editor wrote (<see cref="ReplaceLinks"/>), from the
/// walk over the document it makes anyway: a walk of their own was a tenth of a letter's read.
/// </summary>
public sealed class CrossReferenceExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Nothing to parse: cross-references are links, and the parser's links are replaced after it.
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is LetterModelRenderer model)
        {
            model.ObjectRenderers.Insert(0, new CrossReferenceModelRenderer());
        }
    }

    /// <summary>Replaces each link to <c>table:</c> or <c>figure:</c> among <paramref name="links"/> by a cross-reference.</summary>
    internal static void ReplaceLinks(IEnumerable<LinkInline> links)
    {
        var references = links
            .Where(l => !l.IsImage && l.Url is not null && CrossReferenceInline.KindOf(l.Url) is not null)
            .ToList();
        foreach (var link in references)
        {
            var kind = CrossReferenceInline.KindOf(link.Url!)!.Value;
            var reference = new CrossReferenceInline(kind, link.Url![(kind == CrossReferenceKind.Table ? CrossReferenceInline.TableScheme : CrossReferenceInline.FigureScheme).Length..])
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

public enum CrossReferenceKind
{
    Table,
    Figure,
}

/// <summary>A cross-reference, written as a link to <c>table:id</c> or <c>figure:id</c>: <c>[Table: Summary of Responses](table:dima-responses)</c>.</summary>
public sealed class CrossReferenceInline(CrossReferenceKind kind, string targetId) : ContainerInline
{
    public const string TableScheme = "table:";
    public const string FigureScheme = "figure:";

    public CrossReferenceKind Kind { get; } = kind;

    public string TargetId { get; } = targetId;

    public static CrossReferenceKind? KindOf(string url) =>
        url.StartsWith(TableScheme, StringComparison.Ordinal) ? CrossReferenceKind.Table
        : url.StartsWith(FigureScheme, StringComparison.Ordinal) ? CrossReferenceKind.Figure
        : null;
}

/// <summary>A cross-reference to a table or figure of this letter; one to a table or figure the letter lacks is an error at its place.</summary>
public sealed class CrossReferenceModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, CrossReferenceInline>
{
    protected override void Write(LetterModelRenderer renderer, CrossReferenceInline obj)
    {
        var content = renderer.RenderInlines(obj);
        var (ids, noun, opener) = obj.Kind == CrossReferenceKind.Table
            ? (renderer.Context.TableIds, "table", "'::: table id'")
            : (renderer.Context.FigureIds, "figure", "'::: figure id'");
        if (!ids.Contains(obj.TargetId))
        {
            renderer.Context.Diagnostics.Error(obj, $"The cross-reference points to {noun} '{obj.TargetId}', but this letter has no {noun} with that id ({noun}s are opened with {opener}).");
            foreach (var inline in content)
            {
                renderer.Emit(inline);
            }

            return;
        }

        renderer.Emit(obj.Kind == CrossReferenceKind.Table
            ? new MedInfo.Letters.TableReference(obj.TargetId, content)
            : new MedInfo.Letters.FigureReference(obj.TargetId, content));
    }
}
