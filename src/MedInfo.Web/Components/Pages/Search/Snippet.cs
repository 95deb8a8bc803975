using MedInfo.Store.Search;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MedInfo.Web.Components.Pages.Search;

/// <summary>A search snippet with its matched words in &lt;mark&gt;. The text is encoded; only the marks are markup.</summary>
public sealed class Snippet : ComponentBase
{
    [Parameter, EditorRequired]
    public required string Text { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var parts = Text.Split(LetterSearch.MarkStart);
        builder.AddContent(0, parts[0]);
        foreach (var part in parts.Skip(1))
        {
            var end = part.IndexOf(LetterSearch.MarkEnd, StringComparison.Ordinal);
            builder.OpenElement(1, "mark");
            builder.AddContent(2, end < 0 ? part : part[..end]);
            builder.CloseElement();
            builder.AddContent(3, end < 0 ? string.Empty : part[(end + 1)..]);
        }
    }
}
