using System.Globalization;

namespace MedInfo.Letters;

/// <summary>
/// Characters that change how text reads without being seen: bidirectional embeddings, overrides and isolates
/// (U+202E makes "gnp.exe" show as "exe.png"), and zero-width spaces and joiners of words. Text that people type
/// for a letter or a record must not carry them; forms and the content checker refuse them by this one rule.
/// </summary>
public static class HiddenCharacters
{
    /// <summary>The first hidden character in <paramref name="text"/> and its index, or null when there is none.</summary>
    public static (int Index, string Name)? FindFirst(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (NameOf(text[i]) is { } name)
            {
                return (i, string.Create(CultureInfo.InvariantCulture, $"U+{(int)text[i]:X4} ({name})"));
            }
        }

        return null;
    }

    private static string? NameOf(char c) => c switch
    {
        >= '\u202A' and <= '\u202E' => "a right-to-left or left-to-right embedding or override, which reorders the text around it",
        >= '\u2066' and <= '\u2069' => "a bidirectional isolate, which reorders the text around it",
        '\u200B' => "a zero-width space",
        '\u2060' => "a word joiner",
        '\uFEFF' => "a zero-width no-break space",
        _ => null,
    };
}
