using MedInfo.Letters;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MedInfo.Rendering.Components;

/// <summary>
/// Renders a run of letter text: emphasis, sub/superscripts, links, citations, cross-references and footnote
/// markers. Written in C# so no stray whitespace can slip between a word and its superscript. Text is always
/// encoded by the renderer: nothing from content reaches the page as HTML.
/// </summary>
public sealed class InlineText : ComponentBase
{
    [Parameter, EditorRequired]
    public required IReadOnlyList<LetterInline> Content { get; set; }

    /// <summary>Inside a table: its abbreviations (explained where they occur) and its id (for footnote links).</summary>
    [Parameter]
    public DataTable? Table { get; set; }

    [CascadingParameter]
    public LetterRenderState? State { get; set; }

    private string Link(string anchor) => State?.Link(anchor) ?? "#" + anchor;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        foreach (var inline in Content)
        {
            Render(builder, inline);
        }
    }

    private void Render(RenderTreeBuilder builder, LetterInline inline)
    {
        switch (inline)
        {
            case TextRun text:
                RenderText(builder, text.Text);
                break;
            case Emphasis emphasis:
                builder.OpenElement(0, emphasis.Kind switch
                {
                    EmphasisKind.Strong => "strong",
                    EmphasisKind.Italic => "em",
                    EmphasisKind.Superscript => "sup",
                    _ => "sub",
                });
                Children(builder, emphasis.Content);
                builder.CloseElement();
                break;
            case Hyperlink link:
                builder.OpenElement(2, "a");
                builder.AddAttribute(3, "href", link.Url);
                builder.AddAttribute(4, "rel", "noopener noreferrer");
                Children(builder, link.Content);
                builder.CloseElement();
                break;
            case Citation citation:
                builder.OpenComponent<CitationLink>(6);
                builder.AddComponentParameter(7, nameof(CitationLink.Citation), citation);
                builder.CloseComponent();
                break;
            case TableReference table:
                CrossReference(builder, $"table-{table.TableId}", "table-ref", table.Content);
                break;
            case FigureReference figure:
                CrossReference(builder, $"figure-{figure.FigureId}", "figure-ref", figure.Content);
                break;
            case FootnoteMarker marker:
                builder.OpenElement(12, "sup");
                builder.AddAttribute(13, "class", "note-marker");
                builder.OpenElement(14, "a");
                builder.AddAttribute(15, "href", Table is null ? null : Link(TableNote.AnchorFor(Table.Id, marker.Label)));
                builder.AddAttribute(16, "aria-label", $"Note {marker.Label}");
                builder.AddContent(17, marker.Label);
                builder.CloseElement();
                builder.CloseElement();
                break;
            case LineBreak:
                // The space keeps the words apart for whatever reads the text rather than the layout (a PDF's tag
                // tree, copy and paste): "authors<br>commented" read as "authorscommented". It hangs at the line's
                // end, so nothing moves on the page.
                builder.OpenElement(18, "span");
                builder.AddAttribute(19, "class", "break-space");
                builder.AddContent(26, " ");
                builder.CloseElement();
                builder.AddMarkupContent(27, "<br>");
                break;
        }
    }

    /// <summary>A link to a table or figure of this letter, with the words the editor wrote.</summary>
    private void CrossReference(RenderTreeBuilder builder, string anchor, string cssClass, IReadOnlyList<LetterInline> content)
    {
        builder.OpenRegion(8); // its own sequence numbers
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "href", Link(anchor));
        builder.AddAttribute(2, "class", cssClass);
        Children(builder, content);
        builder.CloseElement();
        builder.CloseRegion();
    }

    private void Children(RenderTreeBuilder builder, IReadOnlyList<LetterInline> content)
    {
        builder.OpenComponent<InlineText>(30);
        builder.AddComponentParameter(31, nameof(Content), content);
        builder.AddComponentParameter(32, nameof(Table), Table);
        builder.CloseComponent();
    }

    /// <summary>Text, with each abbreviation of the table wrapped in &lt;abbr title="expansion"&gt;.</summary>
    private void RenderText(RenderTreeBuilder builder, string text)
    {
        var abbreviations = Table?.Abbreviations?.Entries;
        if (abbreviations is not { Count: > 0 })
        {
            builder.AddContent(20, text);
            return;
        }

        // Whole terms only ("Ig" must not match inside "IgG"); longest term first, so "IgA" wins over "Ig". A plain
        // scan, not a pattern: nothing here may depend on how fast the machine is.
        var terms = abbreviations.OrderByDescending(a => a.Term.Length).ToList();
        var position = 0;
        var start = 0;
        while (position < text.Length)
        {
            var match = IsWordCharacter(text, position - 1) ? null : terms.FirstOrDefault(a => IsTermAt(text, position, a.Term));
            if (match is null)
            {
                position++;
                continue;
            }

            builder.AddContent(21, text[start..position]);
            builder.OpenElement(22, "abbr");
            builder.AddAttribute(23, "title", match.Expansion);
            builder.AddContent(24, match.Term);
            builder.CloseElement();
            position += match.Term.Length;
            start = position;
        }

        builder.AddContent(25, text[start..]);
    }

    private static bool IsTermAt(string text, int position, string term) =>
        term.Length > 0
        && position + term.Length <= text.Length
        && string.CompareOrdinal(text, position, term, 0, term.Length) == 0
        && !IsWordCharacter(text, position + term.Length);

    private static bool IsWordCharacter(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetter(text[index]) || char.IsNumber(text[index]));
}
