using System.Text.RegularExpressions;
using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>One search result. In <see cref="Snippet"/>, matched words sit between <see cref="LetterSearch.MarkStart"/> and <see cref="LetterSearch.MarkEnd"/>.</summary>
/// <param name="ForPatients">The letter is written for patients and caregivers (a listing says so).</param>
public sealed record SearchHit(string LetterId, string Title, string DocumentKind, DateOnly LastUpdated, string Products, string Snippet, double Rank, bool ForPatients);

/// <summary>
/// Full-text search over published letters the reader may read (patient letters for everyone, HCP letters for
/// healthcare professionals, the rule of <see cref="MedInfo.Letters.AudienceRules"/>) (title, products by brand and generic name, summary, body, keywords),
/// title and products weighing most. Whatever a person types is reduced to its words (letters and digits), each
/// prefix-matched and all required, so quotes, '*', '-', 'AND', '&amp;' or an unbalanced bracket never reach the
/// engine's query syntax. The engine's own part (FTS5 on SQLite, tsvector on PostgreSQL) is an
/// <see cref="IFullTextDialect"/>.
/// </summary>
public sealed partial class LetterSearch(IDbContextFactory<MedInfoDb> dbFactory)
{
    /// <summary>Control characters no letter contains: they mark highlights in snippets without any HTML.</summary>
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    private const int MaxTerms = 12;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(Readership reader, string text, string? productSlug = null, string? documentKind = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Engines.StoreEngine.For(db).FullText
            .SearchAsync(db, words, reader == Readership.Public, productSlug, documentKind, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The words of what a person typed, at most <see cref="MaxTerms"/>, without the engines' operator words.</summary>
    private static List<string> Words(string? text) =>
        WordPattern().Matches(text ?? string.Empty)
            .Select(m => m.Value)
            .Where(w => !IsOperator(w))
            .Take(MaxTerms)
            .ToList();

    // A person typing "AND" or "OR" means the word's logic, which is already AND; as a search word it would match everything.
    private static bool IsOperator(string word) => word is "AND" or "OR" or "NOT" or "NEAR";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
