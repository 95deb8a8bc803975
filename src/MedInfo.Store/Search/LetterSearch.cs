using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using MedInfo.Letters;
using Microsoft.Extensions.Caching.Memory;

namespace MedInfo.Store.Search;

/// <summary>What a reader's search found (one page of it), and the corrected words it searched for instead when those typed found nothing.</summary>
/// <param name="Hits">The letters of the page asked for, best first.</param>
/// <param name="AllWords">False when no letter had every word and the hits are the letters with some of them.</param>
/// <param name="Total">How many letters were found in all.</param>
public sealed record SearchAnswer(IReadOnlyList<SearchHit> Hits, string? Correction, bool AllWords, int Total);

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
public sealed class LetterSearch(LetterIndex index) : IDisposable
{
    // A search page's answer, by what was typed, the filters and the reader, for as long as the index stays as it
    // was: the searches HCPs type most (a brand, a condition) are answered without searching again.
    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    /// <summary>Letters on a page of results.</summary>
    public const int PageSize = 20;

    /// <summary>Pages a search goes to: 500 letters, more than anyone reads through.</summary>
    public const int MaxPages = 25;

    /// <summary>Control characters no letter contains: they mark highlights in snippets without any HTML.</summary>
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    /// <summary>
    /// A reader's search: the letters found; when the words as typed find none, the letters found with misspelt
    /// words corrected from the letters' own words ("Did you mean ...?"); failing that, the letters with most of the words.
    /// </summary>
    /// <param name="page">Which <see cref="PageSize"/> letters, from 1 (at most <see cref="MaxPages"/>).</param>
    public async Task<SearchAnswer> AnswerAsync(Readership reader, string text, string? productSlug = null, string? documentKind = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var parts = TypedQuery.Parse(text);
        var window = new Window((Math.Clamp(page, 1, MaxPages) - 1) * PageSize, PageSize);
        await index.EnsureCurrentAsync(cancellationToken).ConfigureAwait(false);
        var key = (reader, TypedQuery.Format(parts), productSlug, documentKind, window.Skip, index.Generation);
        if (answers.TryGetValue(key, out SearchAnswer? kept) && kept is not null)
        {
            return kept;
        }

        var answer = await Answer(reader, parts, productSlug, documentKind, window, cancellationToken).ConfigureAwait(false);
        answers.Set(key, answer, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return answer;
    }

    private Task<SearchAnswer> Answer(Readership reader, IReadOnlyList<TypedPart> parts, string? productSlug, string? documentKind, Window window, CancellationToken cancellationToken) =>
        index.SearchAsync(searcher =>
        {
            var (hits, total) = Find(searcher, parts, anyWord: false, reader, productSlug, documentKind, window, IndexFields.Weighted);
            if (total > 0 || parts.Count == 0)
            {
                return new SearchAnswer(hits, null, AllWords: true, total);
            }

            if (SpellingCorrector.Correct(searcher, index, parts, reader) is { } corrected)
            {
                var (correctedHits, correctedTotal) = Find(searcher, corrected, anyWord: false, reader, productSlug, documentKind, window, IndexFields.Weighted);
                if (correctedTotal > 0)
                {
                    return new SearchAnswer(correctedHits, TypedQuery.Format(corrected), AllWords: true, correctedTotal);
                }
            }

            // No letter has every word: the letters with the most of them, best first, said as such.
            var (some, someTotal) = parts.Count > 1 ? Find(searcher, parts, anyWord: true, reader, productSlug, documentKind, window, IndexFields.Weighted) : ([], 0);
            return new SearchAnswer(some, null, AllWords: someTotal == 0, someTotal);
        }, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(Readership reader, string text, string? productSlug = null, string? documentKind = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        var parts = TypedQuery.Parse(text);
        return index.SearchAsync<IReadOnlyList<SearchHit>>(searcher => Find(searcher, parts, anyWord: false, reader, productSlug, documentKind, new Window(0, limit), IndexFields.Weighted).Hits, cancellationToken);
    }

    /// <summary>
    /// What the search box suggests while a person types: the letters whose title, products or keywords have the
    /// words (the last one perhaps half typed), best first, without snippets (the box shows titles).
    /// </summary>
    public Task<IReadOnlyList<SearchHit>> SuggestAsync(Readership reader, string text, int limit = 5, CancellationToken cancellationToken = default)
    {
        var parts = TypedQuery.Parse(text);
        return index.SearchAsync<IReadOnlyList<SearchHit>>(searcher => Find(searcher, parts, anyWord: false, reader, null, null, new Window(0, limit), IndexFields.Naming, snippets: false).Hits, cancellationToken);
    }

    /// <summary>The hits a page shows: <see cref="Take"/> of them after the best <see cref="Skip"/>.</summary>
    private readonly record struct Window(int Skip, int Take);

    /// <summary>The letters in the window, with snippets, and how many were found in all.</summary>
    private (List<SearchHit> Hits, int Total) Find(IndexSearcher searcher, IReadOnlyList<TypedPart> parts, bool anyWord, Readership reader, string? productSlug, string? documentKind, Window window,
        IReadOnlyList<(string Name, float Weight)> fields, bool snippets = true)
    {
        if (parts.Count == 0 || LetterQuery.Build(searcher.IndexReader, index, fields, parts, anyWord, reader, productSlug, documentKind) is not { } query)
        {
            return ([], 0);
        }

        var top = searcher.Search(query.Query, window.Skip + window.Take);
        if (top.ScoreDocs.Length <= window.Skip)
        {
            return ([], top.TotalHits);
        }

        var leaves = searcher.IndexReader.Leaves;
        var passages = snippets ? new Snippets(searcher, query.Terms, query.Prefixes) : null;

        // In document order, so each word's postings are read forward once; then back in the order of rank.
        var hits = top.ScoreDocs.Skip(window.Skip).Select((hit, rank) => (Hit: hit, Rank: rank)).OrderBy(x => x.Hit.Doc).Select(x =>
        {
            var hit = x.Hit;
            var document = searcher.Doc(hit.Doc, IndexFields.Shown);
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            return (x.Rank, Hit: new SearchHit(
                Stored(document, IndexFields.Id),
                Stored(document, IndexFields.Title),
                Stored(document, IndexFields.Kind),
                DateOnly.ParseExact(Stored(document, IndexFields.Updated), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Stored(document, IndexFields.Products),
                passages?.For(leaf, hit.Doc - leaf.DocBase, Stored(document, IndexFields.Summary), () => Stored(searcher.Doc(hit.Doc, IndexFields.BodyOnly), IndexFields.Body), Stored(document, IndexFields.Title)) ?? string.Empty,
                -hit.Score,
                Stored(document, IndexFields.Audience) == nameof(AudienceKind.Patient)));
        }).ToList().OrderBy(x => x.Rank).Select(x => x.Hit).ToList();
        return (hits, top.TotalHits);
    }

    public void Dispose() => answers.Dispose();

    private static string Stored(Lucene.Net.Documents.Document document, string field) => document.Get(field, CultureInfo.InvariantCulture);
}
