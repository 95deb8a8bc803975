using Markdig.Helpers;
using Markdig.Syntax;

namespace MedInfo.Content.Markdown;

/// <summary>
/// A block that ends at its own <c>:::</c> line (a table, a warning or note box). While one is open inside a study
/// card or a box, a <c>:::</c> line closes it, not the block around it.
/// </summary>
public interface IOwnFenceBlock
{
    /// <summary>Its own <c>:::</c> line has been read: a <c>:::</c> after it is for the block around it.</summary>
    bool ClosedByFence { get; }
}

/// <summary>The <c>:::</c> lines that open and close study cards, boxes and tables.</summary>
internal static class Fence
{
    /// <summary>The words that may follow an opening <c>:::</c>.</summary>
    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal) { "study", "table", "warning", "note", "figure" };

    public static bool IsClosing(StringSlice line) => line.AsSpan().Trim().SequenceEqual(":::");

    /// <summary>Whether this line closes <paramref name="container"/>: a <c>:::</c> with no fenced block still open as its last child.</summary>
    public static bool ClosesContainer(StringSlice line, ContainerBlock container) =>
        IsClosing(line) && container.LastChild is not IOwnFenceBlock { ClosedByFence: false };

    /// <summary>For <c>::: study Title</c>, the position where "Title" starts; -1 if the line does not open that kind.</summary>
    public static int ArgumentStart(StringSlice line, string kind)
    {
        var text = line.Text;
        var i = line.Start;
        var colons = 0;
        while (i <= line.End && text[i] == ':')
        {
            colons++;
            i++;
        }

        if (colons != 3)
        {
            return -1;
        }

        while (i <= line.End && text[i] == ' ')
        {
            i++;
        }

        if (i + kind.Length > line.End + 1 || string.CompareOrdinal(text, i, kind, 0, kind.Length) != 0)
        {
            return -1;
        }

        i += kind.Length;
        if (i <= line.End && text[i] != ' ')
        {
            return -1;
        }

        while (i <= line.End && text[i] == ' ')
        {
            i++;
        }

        return i;
    }
}
