using System.Globalization;
using Lucene.Net.Search;
using MedInfo.Letters;

namespace MedInfo.Store.Search;

/// <summary>What a reader's search found, and the corrected words it searched for instead when those typed found nothing.</summary>
/// <param name="AllWords">False when no letter had every word and the hits are the letters with some of them.</param>
public sealed record SearchAnswer(IReadOnlyList<SearchHit> Hits, string? Correction, bool AllWords);

/// <summary>One search result. In <see cref="Snippet"/>, matched words sit between <see cref="LetterSearch.MarkStart"/> and <see cref="LetterSearch.MarkEnd"/>.</summary>
/// <param name="Rank">Lower is better.</param>
/// <param name="ForPatients">The letter is written for patients and caregivers (a listing says so).</param>
public sealed record SearchHit(string LetterId, string Title, string DocumentKind, DateOnly LastUpdated, string Products, string Snippet, double Rank, bool ForPatients);

/// <summary>
/// Full-text search over the published letters the reader may read (patient letters for everyone, HCP letters for
/// healthcare professionals: the rule of <see cref="AudienceRules"/>), in the portal's <see cref="LetterIndex"/>:
/// title, products by brand and generic name, keywords, summary and body, in that order of weight; English word
/// forms, quoted phrases, the letters' abbreviations and the editors' synonyms; misspelt words corrected when the
/// words as typed find nothing.
/// </summary>
public sealed class LetterSearch(LetterIndex index)
{
    /// <summary>Control characters no letter contains: they mark highlights in snippets without any HTML.</summary>
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    private const int MinPrefix = 3;

    /// <summary>
    /// A reader's search: the letters found; when the words as typed find none, the letters found with misspelt
    /// words corrected from the letters' own words ("Did you mean ...?"); failing that, the letters with most of the words.
    /// </summary>
    public Task<SearchAnswer> AnswerAsync(Readership reader, string text, string? productSlug = null, string? documentKind = null, CancellationToken cancellationToken = default)
    {
        var parts = TypedQuery.Parse(text);
        return index.SearchAsync(searcher =>
        {
            var hits = Find(searcher, parts, anyWord: false, reader, productSlug, documentKind, 50);
            if (hits.Count > 0 || parts.Count == 0)
            {
                return new SearchAnswer(hits, null, AllWords: true);
            }

            if (SpellingCorrector.Correct(searcher, index, parts, reader) is { } corrected)
            {
                var correctedHits = Find(searcher, corrected, anyWord: false, reader, productSlug, documentKind, 50);
                if (correctedHits.Count > 0)
                {
                    return new SearchAnswer(correctedHits, TypedQuery.Format(corrected), AllWords: true);
                }
            }

            // No letter has every word: the letters with the most of them, best first, said as such.
            var some = parts.Count > 1 ? Find(searcher, parts, anyWord: true, reader, productSlug, documentKind, 50) : [];
            return new SearchAnswer(some, null, AllWords: some.Count == 0);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(Readership reader, string text, string? productSlug = null, string? documentKind = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        var parts = TypedQuery.Parse(text);
        return index.SearchAsync<IReadOnlyList<SearchHit>>(searcher => Find(searcher, parts, anyWord: false, reader, productSlug, documentKind, limit), cancellationToken);
    }

    private List<SearchHit> Find(IndexSearcher searcher, IReadOnlyList<TypedPart> parts, bool anyWord, Readership reader, string? productSlug, string? documentKind, int limit)
    {
        var builder = new LetterQuery(index, index.Synonyms);
        if (parts.Count == 0 || builder.Build(parts, anyWord, reader, productSlug, documentKind) is not { } query)
        {
            return [];
        }

        var top = searcher.Search(query, limit);
        if (top.ScoreDocs.Length == 0)
        {
            return [];
        }

        var marked = builder.MarkedTerms(parts);
        var prefixes = parts.Where(p => !p.IsPhrase)
            .SelectMany(p => SearchAnalysis.Words(index.English, p.Words[0]))
            .Select(w => w.Term).Where(t => t.Length >= MinPrefix).ToHashSet(StringComparer.Ordinal);
        return top.ScoreDocs.Select(hit =>
        {
            var document = searcher.Doc(hit.Doc);
            return new SearchHit(
                Stored(document, IndexFields.Id),
                Stored(document, IndexFields.Title),
                Stored(document, IndexFields.Kind),
                DateOnly.ParseExact(Stored(document, IndexFields.Updated), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Stored(document, IndexFields.Products),
                Snippets.Of(index.English, Stored(document, IndexFields.Summary), Stored(document, IndexFields.Body), Stored(document, IndexFields.Title), marked, prefixes),
                -hit.Score,
                Stored(document, IndexFields.Audience) == nameof(AudienceKind.Patient));
        }).ToList();
    }

    private static string Stored(Lucene.Net.Documents.Document document, string field) => document.Get(field, CultureInfo.InvariantCulture);
}
