using System.Globalization;

namespace MedInfo.Content.Diagnostics;

/// <summary>
/// Finds the first character no letter should contain: one that shows the file is binary or not saved as UTF-8
/// (NUL and other control characters, the replacement character U+FFFD that stands for an undecodable byte, lone
/// surrogates, noncharacters). Such a file is refused before it is parsed, with the place to look.
/// </summary>
public static class CharacterCheck
{
    public static bool TryFindFirst(string text, out int line, out int column, out string description)
    {
        foreach (var (number, start, length) in SourceLines.Of(text))
        {
            for (var i = start; i < start + length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (IsNotText(c))
                {
                    (line, column) = (number, i - start + 1);
                    description = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                    return true;
                }
            }
        }

        (line, column, description) = (0, 0, "");
        return false;
    }

    private static bool IsNotText(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f') && c < '\u007F')
        || char.IsSurrogate(c)
        || c is '\uFFFD' or '\uFFFE' or '\uFFFF';
}
