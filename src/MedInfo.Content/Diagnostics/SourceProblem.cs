namespace MedInfo.Content.Diagnostics;

/// <summary>
/// A problem a block parser found while reading its lines (0-based line and column, as Markdig counts).
/// Parsers cannot report directly, so syntax nodes carry these until the letter is read out of the tree.
/// </summary>
public sealed record SourceProblem(int Line, int Column, string Message, bool IsWarning = false);

/// <summary>A syntax node that found problems in its own source while it was parsed.</summary>
public interface IHasSourceProblems
{
    IReadOnlyList<SourceProblem> Problems { get; }
}
