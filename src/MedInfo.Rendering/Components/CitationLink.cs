using MedInfo.Letters;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MedInfo.Rendering.Components;

/// <summary>
/// A citation as a superscript: one link per number ("2,3") or per range ("4-13"), each to its reference. Hovering
/// or focusing shows the full reference in a popover (CSS; Escape dismisses it, see letter.js); screen readers get
/// the reference as the link's description instead.
/// </summary>
public sealed class CitationLink : ComponentBase
{
    [Parameter, EditorRequired]
    public required Citation Citation { get; set; }

    [CascadingParameter]
    public LetterRenderState? State { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "sup");
        builder.AddAttribute(1, "class", "cite");
        builder.AddAttribute(2, "id", State?.IdOf(Citation) is { } id ? State.Id(id) : null);
        var first = true;
        foreach (var (from, to) in CitationLabel.Segments(Citation.Numbers))
        {
            if (!first)
            {
                builder.AddContent(3, ",");
            }

            first = false;
            var numbers = Enumerable.Range(from, to - from + 1).ToList();
            builder.OpenElement(4, "a");
            builder.AddAttribute(5, "href", State?.Link($"ref-{from}") ?? $"#ref-{from}");
            var label = from == to ? $"{from}" : $"{from}-{to}";
            builder.AddAttribute(6, "aria-label", from == to ? $"Reference {label}" : $"References {label}");
            builder.AddAttribute(7, "aria-describedby", string.Join(' ', numbers.Select(n => State?.Id($"ref-{n}-text") ?? $"ref-{n}-text")));
            builder.AddContent(8, label);
            builder.CloseElement();
        }

        if (State is not null)
        {
            builder.OpenElement(9, "span");
            builder.AddAttribute(10, "class", "ref-popover");
            builder.AddAttribute(11, "aria-hidden", "true");
            foreach (var number in Citation.Numbers)
            {
                if (State.References.TryGetValue(number, out var reference))
                {
                    builder.OpenElement(12, "span");
                    builder.AddAttribute(13, "class", "ref-popover-item");
                    builder.AddContent(14, $"{reference.Number}. {reference.Text}");
                    builder.CloseElement();
                }
            }

            builder.CloseElement();
        }

        builder.CloseElement();
    }
}
