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
        // Rank first, on the index alone (joined to versions only when a filter needs them), and keep the best
        // few; only those get their version's fields and a snippet, which costs more per row than ranking.
        // A row's rowid is its current version's id (see SearchIndexWriter).
        var filtered = productSlug is not null || documentKind is not null;
        return await db.Database
            .SqlQuery<SearchHit>($"""
                WITH top AS MATERIALIZED (
                    SELECT t.rowid AS VersionId FROM LetterSearch t
                    WHERE t.LetterSearch MATCH {query}
                      AND ({filtered} = 0 OR EXISTS (
                            SELECT 1 FROM LetterVersions tv
                            WHERE tv.Id = t.rowid
                              AND ({documentKind} IS NULL OR tv.DocumentKind = {documentKind})
                              AND ({productSlug} IS NULL OR EXISTS (
                                    SELECT 1 FROM LetterVersionProducts lp JOIN Products p ON p.Id = lp.ProductId
                                    WHERE lp.LetterVersionId = tv.Id AND p.Slug = {productSlug}))))
                    ORDER BY bm25(t.LetterSearch, 0, 10.0, 8.0, 4.0, 1.0, 6.0)
                    LIMIT {limit})
                SELECT s.LetterId AS LetterId, v.Title AS Title, v.DocumentKind AS DocumentKind, v.LastUpdated AS LastUpdated,
                       s.Products AS Products,
                       snippet(s.LetterSearch, -1, {start}, {end}, '…', 24) AS Snippet,
                       bm25(s.LetterSearch, 0, 10.0, 8.0, 4.0, 1.0, 6.0) AS Rank
                FROM top
                JOIN LetterSearch s ON s.rowid = top.VersionId
                JOIN LetterVersions v ON v.Id = top.VersionId
                WHERE s.LetterSearch MATCH {query}
                ORDER BY Rank
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
