using System.Text.RegularExpressions;
using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Search;

/// <summary>What a reader's search found, and the corrected words it searched for instead when those typed found nothing.</summary>
/// <param name="AllWords">False when no letter had every word and the hits are the letters with some of them.</param>
public sealed record SearchAnswer(IReadOnlyList<SearchHit> Hits, string? Correction, bool AllWords);

/// <summary>One search result. In <see cref="Snippet"/>, matched words sit between <see cref="LetterSearch.MarkStart"/> and <see cref="LetterSearch.MarkEnd"/>.</summary>
/// <param name="ForPatients">The letter is written for patients and caregivers (a listing says so).</param>
public sealed record SearchHit(string LetterId, string Title, string DocumentKind, DateOnly LastUpdated, string Products, string Snippet, double Rank, bool ForPatients);

/// <summary>
/// Full-text search over published letters the reader may read (patient letters for everyone, HCP letters for
/// healthcare professionals, the rule of <see cref="MedInfo.Letters.AudienceRules"/>) (title, products by brand and generic name, summary, body, keywords),
/// title and products weighing most. Whatever a person types is reduced to its words (letters and digits), each
/// cut to its stem, prefix-matched and all required, so quotes, '*', '-', 'AND', '&amp;' or an unbalanced bracket never reach the
/// engine's query syntax. The engine's own part (FTS5 on SQLite, tsvector on PostgreSQL) is an
/// <see cref="IFullTextDialect"/>.
/// </summary>
public sealed partial class LetterSearch(IDbContextFactory<MedInfoDb> dbFactory, SearchVocabulary? vocabulary = null)
{
    /// <summary>Control characters no letter contains: they mark highlights in snippets without any HTML.</summary>
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    private const int MaxTerms = 12;

    /// <summary>
    /// A reader's search: the letters found; when the words as typed find none, the letters found with misspelt
    /// words corrected from the letters' own vocabulary, and that correction ("Did you mean ...?").
    /// </summary>
    public async Task<SearchAnswer> AnswerAsync(Readership reader, string text, string? productSlug = null, string? documentKind = null, CancellationToken cancellationToken = default)
    {
        var hits = await SearchAsync(reader, text, productSlug, documentKind, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (hits.Count > 0)
        {
            return new SearchAnswer(hits, null, AllWords: true);
        }

        if (vocabulary is not null && await vocabulary.CorrectAsync(reader, text, cancellationToken).ConfigureAwait(false) is { } corrected)
        {
            var correctedHits = await SearchAsync(reader, corrected, productSlug, documentKind, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (correctedHits.Count > 0)
            {
                return new SearchAnswer(correctedHits, corrected, AllWords: true);
            }
        }

        // No letter has every word: the letters with the most of them, best first, said as such.
        var words = Words(text);
        var some = words.Count > 1
            ? await FindAsync(reader, words, anyWord: true, productSlug, documentKind, 50, cancellationToken).ConfigureAwait(false)
            : [];
        return new SearchAnswer(some, null, AllWords: some.Count == 0);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(Readership reader, string text, string? productSlug = null, string? documentKind = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        var words = Words(text);
        return words.Count == 0 ? [] : await FindAsync(reader, words, anyWord: false, productSlug, documentKind, limit, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SearchHit>> FindAsync(Readership reader, IReadOnlyList<string> words, bool anyWord, string? productSlug, string? documentKind, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Engines.StoreEngine.For(db).FullText
            .SearchAsync(db, words, anyWord, reader == Readership.Public, productSlug, documentKind, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The words of what a person typed, at most <see cref="MaxTerms"/>, without the engines' operator words, each
    /// cut to the part its other forms share (<see cref="WordStems"/>): "relapses" finds "relapsed".
    /// </summary>
    private static List<string> Words(string? text)
    {
        var words = WordPattern().Matches(text ?? string.Empty).Select(m => m.Value).Where(w => !IsOperator(w)).ToList();

        // A question's small words ("what", "of", "for") say nothing about the letter; all of them required would
        // find nothing. They count only when nothing else was typed.
        var telling = words.Where(w => !StopWords.Contains(w)).ToList();
        return (telling.Count > 0 ? telling : words).Take(MaxTerms).Select(WordStems.Of).ToList();
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
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
