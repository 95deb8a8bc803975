using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MedInfo.Rendering.Components;

/// <summary>An h2..h6 element for a heading whose level is data.</summary>
public sealed class HeadingTag : ComponentBase
{
    [Parameter, EditorRequired]
    public required int Level { get; set; }

    [Parameter]
    public string? Id { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, $"h{Math.Clamp(Level, 2, 6)}");
        builder.AddAttribute(1, "id", Id);
        builder.AddContent(2, ChildContent);
        builder.CloseElement();
    }
}
