using Lucene.Net.Index;
using Lucene.Net.Search;
using MedInfo.Letters;

namespace MedInfo.Store.Search;

/// <summary>
/// Corrects a misspelt word ("daratumamab" → "daratumumab") from the words of the letters the reader may read:
/// a word of at least <see cref="MinLength"/> letters that no letter has, in any of its forms, becomes the closest
/// word up to two edits away (letters added, dropped, changed or swapped), a product name before any other word,
/// then the word most letters use.
/// </summary>
internal static class SpellingCorrector
{
    /// <summary>Words shorter than this are not corrected: too many real words are two edits apart.</summary>
    public const int MinLength = 5;

    private const int MaxEdits = 2;
    private const int MaxCandidates = 50;

    /// <summary>The parts with each misspelt word corrected; null when nothing needed correcting or nothing was close.</summary>
    public static IReadOnlyList<TypedPart>? Correct(IndexSearcher searcher, LetterIndex index, IReadOnlyList<TypedPart> parts, Readership reader)
    {
        var corrected = false;
        var result = parts.Select(part => part with
        {
            Words = part.Words.Select(word =>
            {
                var better = CorrectWord(searcher, index, word, reader);
                corrected |= better is not null;
                return better ?? word;
            }).ToList(),
        }).ToList();
        return corrected ? result : null;
    }

    private static string? CorrectWord(IndexSearcher searcher, LetterIndex index, string word, Readership reader)
    {
        var spelt = SearchAnalysis.Words(index.Spelling, word);
        if (spelt.Count != 1 || spelt[0].Term.Length < MinLength || !spelt[0].Term.All(char.IsLetter))
        {
            return null;
        }

        var stems = SearchAnalysis.Words(index.English, word);
        if (stems.Count != 1 || IndexFields.LettersWith(searcher.IndexReader, stems[0].Term) > 0)
        {
            return null; // a word the letters have, in this form or another
        }

        var typed = spelt[0].Term;
        var candidates = new List<(string Word, int Distance, bool IsProduct, int Letters)>();
        foreach (var (field, isProduct) in new[] { (IndexFields.ProductSpelling(reader), true), (IndexFields.Spelling(reader), false) })
        {
            var terms = new HashSet<Term>();
            searcher.Rewrite(new FuzzyQuery(new Term(field, typed), MaxEdits, 0, MaxCandidates, transpositions: true)).ExtractTerms(terms);
            candidates.AddRange(terms
                .Select(t => (t.Text, Distance(typed, t.Text), isProduct, searcher.IndexReader.DocFreq(t)))
                .Where(c => c.Item2 <= MaxEdits && c.Item2 > 0));
        }

        return candidates
            .OrderBy(c => c.Distance).ThenByDescending(c => c.IsProduct).ThenByDescending(c => c.Letters).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    /// <summary>Edits between two words: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
