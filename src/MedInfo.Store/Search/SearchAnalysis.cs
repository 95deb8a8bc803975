using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace MedInfo.Store.Search;

/// <summary>One word of analysed text: its index term, its position and where it stands in the text.</summary>
internal readonly record struct AnalysedWord(string Term, int Position, int Start, int End);

/// <summary>
/// How the index reads English, the same for a letter's text and for what a person types: words split as Unicode
/// says (so "dementia-related" is "dementia related"), possessives dropped, lower case, accents folded
/// ("Waldenström" is "waldenstrom"), common English stop words dropped, and each word cut to its Porter stem
/// ("relapses" and "relapsed" are "relaps"). Spelling words keep their form: they are what "Did you mean" offers.
/// </summary>
internal static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The analyser of every searchable field (thread-safe: Lucene keeps one token chain per thread).</summary>
    public static Analyzer CreateEnglish() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, tokenizer);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Words as written (lower case, accents folded, no stemming): the vocabulary of corrections.</summary>
    public static Analyzer CreateSpelling() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The words of <paramref name="text"/> as <paramref name="analyzer"/> indexes them, in order.</summary>
    public static List<AnalysedWord> Words(Analyzer analyzer, string text)
    {
        var words = new List<AnalysedWord>();
        using var stream = analyzer.GetTokenStream(string.Empty, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            words.Add(new AnalysedWord(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return words;
    }
}
