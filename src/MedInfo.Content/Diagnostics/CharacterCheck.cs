using System.Buffers;
using System.Globalization;

namespace MedInfo.Content.Diagnostics;

/// <summary>
/// Finds the first character no letter should contain: one that shows the file is binary or not saved as UTF-8
/// (NUL and other control characters, the replacement character U+FFFD that stands for an undecodable byte, lone
/// surrogates, noncharacters). Such a file is refused before it is parsed, with the place to look.
/// </summary>
public static class CharacterCheck
{
    /// <summary>The C0 control characters a text file does not hold: all but tab, line feed, form feed and carriage return.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\f' or '\r')).ToArray());

    public static bool TryFindFirst(string text, out int line, out int column, out string description)
    {
        // Every file is checked before it is parsed, so the scan runs vectorised over the whole text and only a
        // character worth a second look (a surrogate may be half of a valid pair) is looked at one by one.
        for (var i = NextSuspect(text, 0); i >= 0; i = NextSuspect(text, i + 1))
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            (line, column) = PositionOf(text, i);
            description = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return true;
        }

        (line, column, description) = (0, 0, "");
        return false;
    }

    /// <summary>The first control character, surrogate, U+FFFD, U+FFFE or U+FFFF at or after <paramref name="from"/>; -1 for none.</summary>
    private static int NextSuspect(string text, int from)
    {
        var rest = text.AsSpan(from);
        var found = rest.IndexOfAny(ControlCharacters);
        var end = found < 0 ? rest.Length : found;
        if (rest[..end].IndexOfAnyInRange('\uD800', '\uDFFF') is var surrogate and >= 0)
        {
            end = surrogate;
        }

        if (rest[..end].IndexOfAnyInRange('\uFFFD', '\uFFFF') is var replacement and >= 0)
        {
            end = replacement;
        }

        return end == rest.Length ? -1 : from + end;
    }

    /// <summary>The line and column of a character, counted as Markdig counts lines.</summary>
    private static (int Line, int Column) PositionOf(string text, int index)
    {
        foreach (var (number, start, length) in SourceLines.Of(text))
        {
            if (index <= start + length)
            {
                return (number, index - start + 1);
            }
        }

        return (1, index + 1);
    }
}
