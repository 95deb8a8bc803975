using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

public sealed record SearchHit(string LetterId, string Title, double Rank);

/// <summary>
/// Full-text search over published letters (title, products by brand and generic name, summary, body), ranked
/// with bm25. Whatever a person types becomes a safe FTS5 query: words are quoted and prefix-matched, so quotes,
/// '*', '-', 'AND' or an unbalanced bracket never reach FTS5's own syntax.
/// </summary>
public sealed partial class LetterSearch(IDbContextFactory<MedInfoDb> dbFactory)
{
    private const int MaxTerms = 12;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit = 50, CancellationToken cancellationToken = default)
    {
        var query = ToFtsQuery(text);
        if (query is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database
            .SqlQuery<SearchHit>($"""
                SELECT s.LetterId AS LetterId, v.Title AS Title, bm25(LetterSearch, 0, 10.0, 8.0, 4.0, 1.0, 6.0) AS Rank
                FROM LetterSearch s
                JOIN Letters l ON l.Id = s.LetterId
                JOIN LetterVersions v ON v.Id = l.CurrentVersionId
                WHERE LetterSearch MATCH {query}
                ORDER BY Rank
                LIMIT {limit}
                """)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Darzalex POEMS" becomes <c>"darzalex"* "poems"*</c>: every word must match, as a word or a word's start.</summary>
    public static string? ToFtsQuery(string text)
    {
        var terms = Words().Matches(text ?? string.Empty)
            .Select(m => m.Value)
            .Take(MaxTerms)
            .Select(w => $"\"{w}\"*")
            .ToList();
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
