using Markdig;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Markdown;

/// <summary>
/// Markdig refuses input nested deeper than it can parse or render safely (thousands of '&gt;' or '[', emphasis
/// inside emphasis) by throwing an <see cref="ArgumentException"/> of its own. A letter never needs such depth, so
/// the file is refused, pointing at the line that most looks like the cause.
/// </summary>
internal static class MarkdownDepthLimit
{
    public const string Message =
        "This part of the letter is nested too deeply to read (quotes, lists, links or emphasis inside one another hundreds of levels deep). Is a line repeated or a bracket left open?";

    public static bool IsDepthLimit(ArgumentException e) =>
        e.TargetSite?.DeclaringType?.Assembly == typeof(MarkdownPipeline).Assembly;

    /// <summary>
    /// The line with the most nesting characters, and the column where they start; lines of the body (from
    /// <paramref name="firstBodyLine"/>, 1-based) win over the front matter's.
    /// </summary>
    public static (int Line, int Column) MostNestedLine(string text, int firstBodyLine)
    {
        var (bestLine, bestColumn, bestScore) = (1, 1, -1);
        foreach (var (number, start, length) in SourceLines.Of(text))
        {
            if (number == firstBodyLine)
            {
                bestScore = -1;
            }

            var line = text.AsSpan(start, length);
            var score = 0;
            var first = -1;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] is '>' or '[' or '(' or '*' or '_' or '~' or '^' or '!' or '<' or '-' or ':')
                {
                    score++;
                    first = first < 0 ? i : first;
                }
            }

            if (score > bestScore)
            {
                (bestLine, bestColumn, bestScore) = (number, Math.Max(1, first + 1), score);
            }
        }

        return (bestLine, bestColumn);
    }
}
