using MedInfo.Letters;
using MedInfo.Store.Search;

namespace MedInfo.Web.Components.Pages.Requests;

/// <summary>
/// Letters that may answer a request: each telling word of the question and each product named is searched on its
/// own (the search ANDs its words, and a whole question would match nothing), and letters are ranked by how many
/// of them they match.
/// </summary>
internal static class LetterSuggestions
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "after", "again", "their", "there", "these", "those", "which", "would", "could", "should", "where", "while",
        "patient", "patients", "please", "question", "information", "thank", "thanks", "there", "other", "being", "having",
    };

    public static async Task<IReadOnlyList<SearchHit>> ForAsync(LetterSearch search, string? question, IReadOnlyList<string> products, CancellationToken cancellationToken)
    {
        var words = products.Concat((question ?? string.Empty).Split((char[])[' ', '\n', '\r', '\t', ',', '.', '?', '!', ';', ':', '(', ')', '"', '/'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length >= 5 && !Common.Contains(w)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(10)
            .ToList();
        // Ties keep the order the search gave them (its ranks differ in sign and scale between engines).
        var found = new Dictionary<string, (SearchHit Hit, int Matches, int First)>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            foreach (var hit in await search.SearchAsync(Readership.HealthcareProfessional, word, limit: 20, cancellationToken: cancellationToken))
            {
                found[hit.LetterId] = found.TryGetValue(hit.LetterId, out var seen) ? (seen.Hit, seen.Matches + 1, seen.First) : (hit, 1, found.Count);
            }
        }

        return found.Values.OrderByDescending(f => f.Matches).ThenBy(f => f.First).Take(5).Select(f => f.Hit).ToList();
    }
}
