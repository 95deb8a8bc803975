namespace MedInfo.Store.Search;

/// <summary>
/// The part of an English word its other forms share, for the search's prefix terms: "relapses" and "relapsed"
/// become "relaps" (which finds "relapse", "relapsed", "relapses"), "neuropathies" and "neuropathy" become
/// "neuropath", "hematological" becomes "hematologic". Done on the words a person types, before either engine sees them, so both stores find the same.
/// Only one ending is taken off, and only when at least four letters stay: a name ("daratumumab") or a short word
/// keeps its form.
/// </summary>
public static class WordStems
{
    private const int MinStem = 4;

    // Longest first: "ies" before "es" before "s".
    private static readonly string[] Endings = ["ies", "ied", "sses", "ing", "ed", "es", "s", "al", "e", "y"];

    public static string Of(string word)
    {
        if (word.Length < MinStem + 1 || word.Any(char.IsDigit))
        {
            return word;
        }

        var lower = word.ToLowerInvariant();
        foreach (var ending in Endings)
        {
            if (!lower.EndsWith(ending, StringComparison.Ordinal) || lower.Length - ending.Length < MinStem)
            {
                continue;
            }

            // "ss", "us", "is" end words that are not plurals (class, virus, analysis).
            if (ending == "s" && (lower.EndsWith("ss", StringComparison.Ordinal) || lower.EndsWith("us", StringComparison.Ordinal) || lower.EndsWith("is", StringComparison.Ordinal)))
            {
                return word;
            }

            return ending == "sses" ? word[..^2] : word[..^ending.Length];
        }

        return word;
    }
}
