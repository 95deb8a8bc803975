namespace MedInfo.Content.Diagnostics;

/// <summary>
/// A file's lines as Markdig counts them (a line ends at \n, \r\n or a lone \r; not at U+2028 or U+0085 as
/// <see cref="MemoryExtensions.EnumerateLines(ReadOnlySpan{char})"/> would), so line numbers in messages match.
/// </summary>
public static class SourceLines
{
    public static IEnumerable<(int Number, int Start, int Length)> Of(string text)
    {
        var (number, start) = (1, 0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                yield return (number++, start, i - start);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        yield return (number, start, text.Length - start);
    }
}
