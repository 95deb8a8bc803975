namespace MedInfo.Store.Requests;

/// <summary>
/// Finds the screening list's terms in a question: whole words, any case, any run of spaces, hyphens or line breaks
/// between the words of a phrase ("side  effect", "Side-Effects" both match "side effect"). "rash" does not match
/// "crash". A match is a prompt for staff, never a decision.
/// </summary>
public sealed class SafetyScreening
{
    private readonly IReadOnlyList<string[]> terms;

    public SafetyScreening(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        this.terms = terms.Select(Words).Where(w => w.Length > 0).ToList();
    }

    /// <summary>The first term found in <paramref name="text"/>, as configured; null when none is there.</summary>
    public string? FirstMatch(params string?[] text)
    {
        var words = Words(string.Join(" \n ", text.Where(t => t is not null)));
        foreach (var term in terms)
        {
            for (var i = 0; i + term.Length <= words.Length; i++)
            {
                if (term.AsSpan().SequenceEqual(words.AsSpan(i, term.Length)))
                {
                    return string.Join(' ', term);
                }
            }
        }

        return null;
    }

    private static string[] Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return [.. words];
    }
}
