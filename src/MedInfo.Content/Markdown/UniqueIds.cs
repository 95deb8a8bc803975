using Markdig.Syntax;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Markdown;

/// <summary>The ids of a letter's tables or figures, each once: what cross-references may point at.</summary>
internal static class UniqueIds
{
    /// <param name="blocks">Each block with its id, in reading order.</param>
    /// <param name="noun">What they are, for the message: "table", "figure".</param>
    /// <param name="diagnostics">Where a second use of an id is reported, at the block that repeats it.</param>
    public static HashSet<string> Read(IEnumerable<(MarkdownObject Block, string Id)> blocks, string noun, DiagnosticList diagnostics)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (block, id) in blocks)
        {
            if (!ids.Add(id) && id.Length > 0)
            {
                diagnostics.Error(block, $"Two {noun}s have the id '{id}'; each {noun} needs its own.");
            }
        }

        return ids;
    }
}
