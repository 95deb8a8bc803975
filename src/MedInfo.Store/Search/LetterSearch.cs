using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>One search result. In <see cref="Snippet"/>, matched words sit between <see cref="LetterSearch.MarkStart"/> and <see cref="LetterSearch.MarkEnd"/>.</summary>
public sealed record SearchHit(string LetterId, string Title, string DocumentKind, DateOnly LastUpdated, string Products, string Snippet, double Rank);

/// <summary>
/// Full-text search over published letters (title, products by brand and generic name, summary, body, keywords),
/// ranked with bm25, title and products weighing most. Whatever a person types becomes a safe FTS5 query: words
/// are quoted and prefix-matched, so quotes, '*', '-', 'AND' or an unbalanced bracket never reach FTS5's syntax.
/// </summary>
public sealed partial class LetterSearch(IDbContextFactory<MedInfoDb> dbFactory)
{
    /// <summary>Control characters no letter contains: they mark highlights in snippets without any HTML.</summary>
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    private const int MaxTerms = 12;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, string? productSlug = null, string? documentKind = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        var query = ToFtsQuery(text);
        if (query is null)
        {
            return [];
        }

        var start = MarkStart.ToString();
        var end = MarkEnd.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database
            .SqlQuery<SearchHit>($"""
                SELECT s.LetterId AS LetterId, v.Title AS Title, v.DocumentKind AS DocumentKind, v.LastUpdated AS LastUpdated,
                       s.Products AS Products,
                       snippet(LetterSearch, -1, {start}, {end}, '…', 24) AS Snippet,
                       bm25(LetterSearch, 0, 10.0, 8.0, 4.0, 1.0, 6.0) AS Rank
                FROM LetterSearch s
                JOIN Letters l ON l.Id = s.LetterId
                JOIN LetterVersions v ON v.Id = l.CurrentVersionId
                WHERE LetterSearch MATCH {query}
                  AND ({documentKind} IS NULL OR v.DocumentKind = {documentKind})
                  AND ({productSlug} IS NULL OR EXISTS (
                        SELECT 1 FROM LetterVersionProducts lp JOIN Products p ON p.Id = lp.ProductId
                        WHERE lp.LetterVersionId = v.Id AND p.Slug = {productSlug}))
                ORDER BY Rank
                LIMIT {limit}
                """)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Darzalex POEMS" becomes <c>"darzalex"* "poems"*</c>: every word must match, as a word or a word's start.</summary>
    public static string? ToFtsQuery(string? text)
    {
        var terms = Words().Matches(text ?? string.Empty)
            .Select(m => m.Value)
            .Where(w => !IsOperator(w))
            .Take(MaxTerms)
            .Select(w => $"\"{w}\"*")
            .ToList();
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    // A person typing "AND" or "OR" means the word's logic, which is already AND; as a search word it would match everything.
    private static bool IsOperator(string word) => word is "AND" or "OR" or "NOT" or "NEAR";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
