using Lucene.Net.Index;
using Lucene.Net.Search;
using MedInfo.Letters;

namespace MedInfo.Store.Search;

/// <summary>
/// Builds the index query for what a person typed: every part required (or, for the fall-back, any part), a word
/// matched as its stem in any field (title and products weighing most) or, while it is being typed, as the start
/// of a word; a quoted phrase matched as its words in order; synonyms given by the letters and the editors
/// (<see cref="SearchSynonyms"/>) standing in for each other. The reader's rule and the filters are part of the query.
/// </summary>
internal sealed class LetterQuery(LetterIndex index, SearchSynonyms synonyms)
{
    private const int MinPrefix = 3;

    /// <summary>The query, or null when nothing typed is searchable (only stop words, say).</summary>
    public Query? Build(IReadOnlyList<TypedPart> parts, bool anyWord, Readership reader, string? productSlug, string? documentKind)
    {
        var units = Units(parts);
        if (units.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        var words = new BooleanQuery();
        foreach (var unit in units)
        {
            words.Add(unit, anyWord ? Occur.SHOULD : Occur.MUST);
        }

        query.Add(words, Occur.MUST);

        // The reader's rule, from the one place it is written (AudienceRules), as a filter that adds nothing to the score.
        var readable = Enum.GetValues<AudienceKind>().Where(k => k.IsReadableBy(reader)).ToList();
        if (readable.Count < Enum.GetValues<AudienceKind>().Length)
        {
            var audiences = new BooleanQuery();
            readable.ForEach(k => audiences.Add(new TermQuery(new Term(IndexFields.Audience, k.ToString())), Occur.SHOULD));
            query.Add(Filter(audiences), Occur.MUST);
        }

        if (productSlug is not null)
        {
            query.Add(Filter(new TermQuery(new Term(IndexFields.Product, productSlug))), Occur.MUST);
        }

        if (documentKind is not null)
        {
            query.Add(Filter(new TermQuery(new Term(IndexFields.Kind, documentKind))), Occur.MUST);
        }

        return query;
    }

    /// <summary>The stems a snippet marks: every word of every part and of the synonyms that stand in for them.</summary>
    public HashSet<string> MarkedTerms(IReadOnlyList<TypedPart> parts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var word in SearchAnalysis.Words(index.English, string.Join(' ', part.Words)))
            {
                terms.Add(word.Term);
            }
        }

        foreach (var form in synonyms.FormsFor(terms.ToList()))
        {
            terms.UnionWith(form);
        }

        return terms;
    }

    private List<Query> Units(IReadOnlyList<TypedPart> parts)
    {
        var units = new List<Query>();
        var loose = new List<string>(); // the stems of the words outside quotes, in order, for synonyms of several words
        void FlushLoose()
        {
            for (var i = 0; i < loose.Count;)
            {
                var (length, forms) = synonyms.Match(loose, i);
                if (length > 0)
                {
                    units.Add(Alternatives(forms, typed: loose.GetRange(i, length)));
                    i += length;
                }
                else
                {
                    units.Add(Word(loose[i], prefix: loose[i].Length >= MinPrefix));
                    i++;
                }
            }

            loose.Clear();
        }

        foreach (var part in parts)
        {
            var terms = SearchAnalysis.Words(index.English, string.Join(' ', part.Words));
            if (!part.IsPhrase)
            {
                loose.AddRange(terms.Select(t => t.Term));
                continue;
            }

            FlushLoose();
            if (terms.Count > 0)
            {
                units.Add(Phrase(terms));
            }
        }

        FlushLoose();
        return units;
    }

    /// <summary>One of several forms (the words typed among them): single words by their stem, longer ones as phrases.</summary>
    private static BooleanQuery Alternatives(IReadOnlyList<IReadOnlyList<string>> forms, List<string> typed)
    {
        var any = new BooleanQuery();
        foreach (var form in forms)
        {
            var isTyped = form.SequenceEqual(typed);
            any.Add(form.Count == 1 ? Word(form[0], prefix: isTyped && form[0].Length >= MinPrefix) : Phrase(form.Select((t, i) => new AnalysedWord(t, i, 0, 0)).ToList()), Occur.SHOULD);
        }

        return any;
    }

    private static Query Word(string term, bool prefix)
    {
        var fields = new DisjunctionMaxQuery(0.1f);
        foreach (var (name, weight) in IndexFields.Weighted)
        {
            fields.Add(new TermQuery(new Term(name, term)) { Boost = weight });
        }

        if (!prefix)
        {
            return fields;
        }

        // A word's start matches too ("daratu", "macroglob"), below any whole word.
        var either = new BooleanQuery
        {
            { fields, Occur.SHOULD },
            { new ConstantScoreQuery(new PrefixQuery(new Term(IndexFields.All, term))) { Boost = 0.5f }, Occur.SHOULD },
        };
        return either;
    }

    private static DisjunctionMaxQuery Phrase(List<AnalysedWord> words)
    {
        var fields = new DisjunctionMaxQuery(0.1f);
        var first = words[0].Position;
        foreach (var (name, weight) in IndexFields.Weighted)
        {
            var phrase = new PhraseQuery { Boost = weight };
            foreach (var word in words)
            {
                phrase.Add(new Term(name, word.Term), word.Position - first);
            }

            fields.Add(phrase);
        }

        return fields;
    }

    private static ConstantScoreQuery Filter(Query query) => new(query) { Boost = 0f };
}
