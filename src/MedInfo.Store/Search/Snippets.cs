using System.Text;
using Lucene.Net.Analysis;

namespace MedInfo.Store.Search;

/// <summary>
/// A result's passage: some twenty words of the summary around the first matched word, or of the body when the
/// summary has none, with the matched words between <see cref="LetterSearch.MarkStart"/> and
/// <see cref="LetterSearch.MarkEnd"/>. Only the text read up to the passage is analysed, so a long body costs
/// little when a word is found early.
/// </summary>
internal static class Snippets
{
    private const int Words = 24;
    private const int Before = 6;
    private const int MaxBodyChars = 40_000;

    public static string Of(Analyzer english, string summary, string body, string title, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes)
    {
        return Passage(english, summary, terms, prefixes, int.MaxValue)
            ?? Passage(english, body, terms, prefixes, MaxBodyChars)
            ?? Opening(summary.Length > 0 ? summary : body.Length > 0 ? body : title);
    }

    private static string? Passage(Analyzer english, string text, IReadOnlySet<string> terms, IReadOnlySet<string> prefixes, int maxChars)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var words = SearchAnalysis.Words(english, text, maxChars);
        bool Matches(AnalysedWord w) => terms.Contains(w.Term) || prefixes.Any(p => w.Term.StartsWith(p, StringComparison.Ordinal));
        var matched = words.Select((w, i) => (Word: w, Index: i)).Where(x => Matches(x.Word)).ToList();
        if (matched.Count == 0)
        {
            return null;
        }

        // The passage shows the most of the different words matched: a phrase where it stands, not its first word alone.
        var first = matched[0].Index;
        var best = 0;
        for (var m = 0; m < matched.Count; m++)
        {
            var distinct = matched.Skip(m).TakeWhile(x => x.Index - matched[m].Index < Words - Before).Select(x => x.Word.Term).Distinct(StringComparer.Ordinal).Count();
            if (distinct > best)
            {
                (best, first) = (distinct, matched[m].Index);
            }
        }

        // The passage starts a few words before the match, at a word's start; it ends after about Words words.
        var startWord = Math.Max(0, first - Before);
        var start = startWord == 0 ? 0 : words[startWord].Start;
        var endWord = Math.Min(words.Count - 1, startWord + Words);
        var end = endWord == words.Count - 1 && words.Count < Words * 4 ? text.Length : words[endWord].End;
        var lineEnd = text.IndexOf('\n', words[first].End);
        var lineStart = text.LastIndexOf('\n', words[first].Start);

        // A passage stays within its paragraph or cell: the text is one line per paragraph.
        start = Math.Max(start, lineStart + 1);
        end = lineEnd >= 0 ? Math.Min(end, lineEnd) : end;

        var passage = new StringBuilder();
        if (start > 0 && lineStart + 1 < start)
        {
            passage.Append('…');
        }

        var at = start;
        foreach (var word in words.Where(w => w.Start >= start && w.End <= end && Matches(w)))
        {
            passage.Append(text, at, word.Start - at).Append(LetterSearch.MarkStart).Append(text, word.Start, word.End - word.Start).Append(LetterSearch.MarkEnd);
            at = word.End;
        }

        passage.Append(text, at, end - at);
        if (end < text.Length && (lineEnd < 0 || end < lineEnd))
        {
            passage.Append('…');
        }

        return passage.ToString().Trim();
    }

    private static string Opening(string text)
    {
        var line = text.Split('\n', 2)[0];
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= Words ? line : string.Join(' ', words.Take(Words)) + '…';
    }
}
