using Markdig.Syntax.Inlines;

namespace MedInfo.Content.Extensions.Citations;

/// <summary>A citation as written: <c>[@dima2023]</c> or <c>[@vaxman2023; @vaxman2023supp]</c>. Numbers come later.</summary>
public sealed class CitationInline(IReadOnlyList<string> keys) : LeafInline
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
