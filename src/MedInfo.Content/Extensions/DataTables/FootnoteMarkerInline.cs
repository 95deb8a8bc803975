using Markdig.Syntax.Inlines;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>A footnote marker in a table cell: <c>PD/SD[^a]</c>.</summary>
public sealed class FootnoteMarkerInline(string label) : LeafInline
{
    public string Label { get; } = label;
}
