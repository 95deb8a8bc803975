using System.Text.RegularExpressions;

namespace MedInfo.Store.Search;

/// <summary>One part a search requires: a word, or the words of a "quoted phrase" in their order.</summary>
internal sealed record TypedPart(IReadOnlyList<string> Words, bool IsPhrase);

/// <summary>
/// What a person typed, reduced to words (letters and digits) and quoted phrases, so that '*', '-', 'AND', '&amp;'
/// or an unbalanced bracket or quote never reach the engine's query syntax. An unclosed quote is a phrase to the
/// end. A question's small words ("what", "should", "my") are dropped unless nothing else was typed.
/// </summary>
internal static partial class TypedQuery
{
    private const int MaxWords = 12;

    public static IReadOnlyList<TypedPart> Parse(string? text)
    {
        var parts = new List<TypedPart>();
        var segments = (text ?? string.Empty).Split('"');
        for (var i = 0; i < segments.Length; i++)
        {
            var words = WordPattern().Matches(segments[i]).Select(m => m.Value).Where(w => !IsOperator(w)).ToList();
            if (i % 2 == 1 && words.Count > 1)
            {
                parts.Add(new TypedPart(words, IsPhrase: true));
            }
            else
            {
                parts.AddRange(words.Select(w => new TypedPart([w], IsPhrase: false)));
            }
        }

        var telling = parts.Where(p => p.IsPhrase || !QuestionWords.Contains(p.Words[0])).ToList();
        var kept = telling.Count > 0 ? telling : parts;
        var result = new List<TypedPart>();
        var count = 0;
        foreach (var part in kept)
        {
            if (count + part.Words.Count > MaxWords)
            {
                break;
            }

            result.Add(part);
            count += part.Words.Count;
        }

        return result;
    }

    /// <summary>The words of the parts, phrases as written in quotes: the text a corrected search shows.</summary>
    public static string Format(IEnumerable<TypedPart> parts) =>
        string.Join(' ', parts.Select(p => p.IsPhrase ? $"\"{string.Join(' ', p.Words)}\"" : p.Words[0]));

    private static readonly HashSet<string> QuestionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "could", "do", "does", "for", "from", "how", "i",
        "if", "in", "is", "it", "my", "of", "on", "or", "should", "the", "there", "to", "what", "when", "which",
        "who", "why", "will", "with", "you", "your", "about", "any", "after", "we", "our",
    };

    // A person typing "AND" or "OR" means the word's logic, which is already AND; as a search word it would match everything.
    private static bool IsOperator(string word) => word is "AND" or "OR" or "NOT" or "NEAR";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
