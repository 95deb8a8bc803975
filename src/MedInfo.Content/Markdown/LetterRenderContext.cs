using MedInfo.Content.Diagnostics;

using MedInfo.Letters;

namespace MedInfo.Content.Markdown;

/// <summary>What the renderer needs to know about the whole letter while it renders one node.</summary>
public sealed class LetterRenderContext(DiagnosticList diagnostics, IReadOnlyDictionary<string, int> citationNumbers, IReadOnlySet<string> tableIds)
{
    private readonly HashSet<string> anchors = new(StringComparer.Ordinal);

    public DiagnosticList Diagnostics { get; } = diagnostics;

    /// <summary>Reference number by key, in order of first citation.</summary>
    public IReadOnlyDictionary<string, int> CitationNumbers { get; } = citationNumbers;

    public IReadOnlySet<string> TableIds { get; } = tableIds;

    /// <summary>The id of the table being rendered, so its footnote markers can point at its notes.</summary>
    public string? CurrentTableId { get; set; }

    /// <summary>A unique anchor made from a heading or title: "Study Design/Methods" becomes "study-design-methods".</summary>
    public string NewAnchor(string text, string prefix = "")
    {
        var slug = prefix + Slug.Make(text);
        var anchor = slug;
        for (var n = 2; !anchors.Add(anchor); n++)
        {
            anchor = $"{slug}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        return anchor;
    }
}
