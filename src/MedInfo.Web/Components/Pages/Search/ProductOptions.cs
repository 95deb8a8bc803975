using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using MedInfo.Store.Reading;
using Microsoft.AspNetCore.Components;

namespace MedInfo.Web.Components.Pages.Search;

/// <summary>
/// The product filter's options, written once per product list (the catalog keeps one list per reader until the
/// letters change) and per product chosen: with hundreds of products they were most of a search page's rendering.
/// Every brand, generic name and slug is HTML-encoded here, as Razor would.
/// </summary>
public sealed class ProductOptions
{
    private readonly ConditionalWeakTable<IReadOnlyList<ProductEntry>, ConcurrentDictionary<string, MarkupString>> written = [];

    public MarkupString For(IReadOnlyList<ProductEntry> products, string? selected) =>
        written.GetValue(products, _ => new ConcurrentDictionary<string, MarkupString>(StringComparer.Ordinal))
            .GetOrAdd(selected ?? string.Empty, chosen => Write(products, chosen));

    private static MarkupString Write(IReadOnlyList<ProductEntry> products, string selected)
    {
        var html = new StringBuilder();
        var encoder = HtmlEncoder.Default;
        foreach (var product in products)
        {
            html.Append("<option value=\"").Append(encoder.Encode(product.Slug)).Append('"')
                .Append(product.Slug == selected ? " selected" : string.Empty).Append('>')
                .Append(encoder.Encode($"{product.Brand} ({product.Generic})")).Append("</option>");
        }

        return new MarkupString(html.ToString());
    }
}
