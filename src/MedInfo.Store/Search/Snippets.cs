using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MedInfo.Store.Search;

/// <summary>
/// A result's passage: some twenty words of the summary where most of the searched words stand, or of the body when
/// the summary has none, with the matched words between <see cref="LetterSearch.MarkStart"/> and
/// <see cref="LetterSearch.MarkEnd"/>. Where the words stand comes from the index (the summary and body keep each
/// word's offsets), so no text is analysed again while a reader waits.
/// </summary>
internal sealed class Snippets
{
    private const int Words = 24;
    private const int Before = 6;
    private const int MaxPrefixTerms = 50;

    private readonly IReadOnlyCollection<string> summaryTerms;
    private readonly IReadOnlyCollection<string> bodyTerms;

    // Each word's postings, read forward once for all the results of a page (they are asked for in document order).
    private readonly Dictionary<(int Leaf, string Field, string Term), DocsAndPositionsEnum?> postings = [];

    /// <summary>The passages of one search's results: the searched stems, and the words that start as a half-typed word does.</summary>
    public Snippets(IndexSearcher searcher, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes)
    {
        summaryTerms = TermsIn(searcher, IndexFields.Summary, terms, prefixes);
        bodyTerms = TermsIn(searcher, IndexFields.Body, terms, prefixes);
    }

    private static IReadOnlyCollection<string> TermsIn(IndexSearcher searcher, string field, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes)
    {
        if (prefixes.Count == 0)
        {
            return terms;
        }

        var found = new HashSet<Term>();
        foreach (var prefix in prefixes)
        {
            var expanded = new PrefixQuery(new Term(field, prefix)) { MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxPrefixTerms) };
            searcher.Rewrite(expanded).ExtractTerms(found);
        }

        return [.. terms, .. found.Select(t => t.Text)];
    }

    /// <summary>A result's passage; results must be asked for in increasing document order.</summary>
    /// <param name="body">Reads the body's text (only when the summary has none of the words).</param>
    public string For(AtomicReaderContext leaf, int doc, string summary, Func<string> body, string title) =>
        Passage(leaf, doc, IndexFields.Summary, () => summary, summaryTerms)
        ?? Passage(leaf, doc, IndexFields.Body, body, bodyTerms)
        ?? Opening(summary.Length > 0 ? summary : title);

    private string? Passage(AtomicReaderContext leaf, int doc, string field, Func<string> read, IReadOnlyCollection<string> terms)
    {
        var spans = new List<(int Start, int End, string Term)>();
        string? text = null;
        foreach (var term in terms)
        {
            if (!postings.TryGetValue((leaf.Ord, field, term), out var positions))
            {
                postings[(leaf.Ord, field, term)] = positions = leaf.AtomicReader.GetTermPositionsEnum(new Term(field, term));
            }

            if (positions is null || (positions.DocID < doc ? positions.Advance(doc) : positions.DocID) != doc)
            {
                continue;
            }

            text ??= read();
            for (var i = 0; i < positions.Freq; i++)
            {
                positions.NextPosition();
                if (positions.StartOffset >= 0 && positions.EndOffset <= text.Length)
                {
                    spans.Add((positions.StartOffset, positions.EndOffset, term));
                }
            }
        }

        if (spans.Count == 0 || text is null)
        {
            return null;
        }

        // The passage shows the most of the different words found: a phrase where it stands, not its first word alone.
        // Slid over the spans once: for each first span, the spans that end within the passage's reach.
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var anchor = 0;
        var best = 0;
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        for (var first = 0; first < spans.Count; first++)
        {
            if (next < first)
            {
                (next, inWindow) = (first, new Dictionary<string, int>(StringComparer.Ordinal));
            }

            var reach = WordsAfter(text, spans[first].Start, Words - Before);
            for (; next < spans.Count && spans[next].End <= reach; next++)
            {
                inWindow[spans[next].Term] = inWindow.GetValueOrDefault(spans[next].Term) + 1;
            }

            if (inWindow.Count > best)
            {
                (best, anchor) = (inWindow.Count, first);
            }

            if (next > first && --inWindow[spans[first].Term] == 0)
            {
                inWindow.Remove(spans[first].Term);
            }
        }

        // A passage stays within its paragraph or cell: the text is one line per paragraph.
        var at = spans[anchor].Start;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var lineEnd = text.IndexOf('\n', at) is var newline and >= 0 ? newline : text.Length;
        var start = Math.Max(lineStart, WordsBefore(text, at, Before));
        var end = Math.Min(lineEnd, WordsAfter(text, start, Words));

        var passage = new StringBuilder();
        if (start > lineStart)
        {
            passage.Append('…');
        }

        var written = start;
        foreach (var (spanStart, spanEnd, _) in spans.Where(s => s.Start >= start && s.End <= end))
        {
            if (spanStart < written)
            {
                continue; // overlaps a word marked already
            }

            passage.Append(text, written, spanStart - written).Append(LetterSearch.MarkStart).Append(text, spanStart, spanEnd - spanStart).Append(LetterSearch.MarkEnd);
            written = spanEnd;
        }

        passage.Append(text, written, end - written);
        if (end < lineEnd)
        {
            passage.Append('…');
        }

        return passage.ToString().Trim();
    }

    /// <summary>Where the word <paramref name="count"/> words before <paramref name="at"/> starts.</summary>
    private static int WordsBefore(string text, int at, int count)
    {
        var i = at;
        for (var word = 0; word < count && i > 0; word++)
        {
            while (i > 0 && char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }
        }

        return i;
    }

    /// <summary>Where the <paramref name="count"/>th word from <paramref name="at"/> ends.</summary>
    private static int WordsAfter(string text, int at, int count)
    {
        var i = at;
        for (var word = 0; word < count && i < text.Length; word++)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static string Opening(string text)
    {
        var line = text.Split('\n', 2)[0];
        var end = WordsAfter(line, 0, Words);
        return end >= line.Length ? line : line[..end] + '…';
    }
}
