using Markdig.Parsers;
using Markdig.Syntax;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Extensions.References;

/// <summary>
/// One reference as written: <c>[@dima2023]: Dima D, Valent J, Khouri J. ... 2023;98(11):E291-E294. {pmid=... doi=...}</c>.
/// Long entries may wrap onto following lines.
/// </summary>
public sealed class ReferenceDefinitionBlock(BlockParser parser) : LeafBlock(parser), IHasSourceProblems
{
    public string Key { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? PubMedId { get; set; }

    public string? Doi { get; set; }

    /// <summary>The web or mail address the entry names (a bare https:// address, or one in angle brackets), shown as a link.</summary>
    public string? Url { get; set; }

    public List<SourceProblem> Problems { get; } = [];

    IReadOnlyList<SourceProblem> IHasSourceProblems.Problems => Problems;
}
