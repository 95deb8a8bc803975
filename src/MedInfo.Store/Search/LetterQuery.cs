using Lucene.Net.Index;
using Lucene.Net.Search;
using MedInfo.Letters;

namespace MedInfo.Store.Search;

/// <summary>The index query for what a person typed, with the stems a snippet marks (whole, or as a word's start).</summary>
internal sealed record LetterQuery(Query Query, IReadOnlySet<string> Terms, IReadOnlySet<string> Prefixes)
{
    private const int MinPrefix = 3;

    /// <summary>
    /// Every part required (or, for the fall-back, any part); a word matched as its stem in any field (title and
    /// products weighing most) or, when no letter has it whole (it is still being typed: "daratu"), as the start of
    /// a word; a quoted phrase matched as its words in order; synonyms given by the letters and the editors
    /// (<see cref="SearchSynonyms"/>) standing in for each other. The reader's rule and the filters are part of the
    /// query. Null when nothing typed is searchable (only stop words, say).
    /// </summary>
    /// <param name="fields">The fields searched and their weights (<see cref="IndexFields.Weighted"/>, or fewer).</param>
    public static LetterQuery? Build(IndexReader index, LetterIndex letters, IReadOnlyList<(string Name, float Weight)> fields, IReadOnlyList<TypedPart> parts, bool anyWord, Readership reader, string? productSlug, string? documentKind)
    {
        var builder = new Builder(index, letters, fields);
        var units = builder.Units(parts);
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

        return new LetterQuery(query, builder.Terms, builder.Prefixes);
    }

    private static ConstantScoreQuery Filter(Query query) => new(query) { Boost = 0f };

    private sealed class Builder(IndexReader index, LetterIndex letters, IReadOnlyList<(string Name, float Weight)> searched)
    {
        public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Prefixes { get; } = new(StringComparer.Ordinal);

        public List<Query> Units(IReadOnlyList<TypedPart> parts)
        {
            var units = new List<Query>();
            var loose = new List<string>(); // the stems of the words outside quotes, in order, for synonyms of several words
            foreach (var part in parts)
            {
                var terms = SearchAnalysis.Words(letters.English, string.Join(' ', part.Words));
                if (!part.IsPhrase)
                {
                    loose.AddRange(terms.Select(t => t.Term));
                    continue;
                }

                Loose(loose, units);
                if (terms.Count > 0)
                {
                    units.Add(Phrase(terms));
                }
            }

            Loose(loose, units);
            return units;
        }

        /// <summary>The words outside quotes: each a word, or with the words after it a form that has synonyms.</summary>
        private void Loose(List<string> stems, List<Query> units)
        {
            for (var i = 0; i < stems.Count;)
            {
                var (length, forms) = letters.Synonyms.Match(stems, i);
                if (length > 0)
                {
                    units.Add(Alternatives(forms, typed: stems.GetRange(i, length)));
                    i += length;
                }
                else
                {
                    units.Add(Word(stems[i], mayBePrefix: true));
                    i++;
                }
            }

            stems.Clear();
        }

        /// <summary>One of several forms (the words typed among them): single words by their stem, longer ones as phrases.</summary>
        private BooleanQuery Alternatives(IReadOnlyList<IReadOnlyList<string>> forms, List<string> typed)
        {
            var any = new BooleanQuery();
            foreach (var form in forms)
            {
                any.Add(form.Count == 1
                    ? Word(form[0], mayBePrefix: form.SequenceEqual(typed))
                    : Phrase(form.Select((t, i) => new AnalysedWord(t, i, 0, 0)).ToList()), Occur.SHOULD);
            }

            return any;
        }

        private Query Word(string term, bool mayBePrefix)
        {
            Terms.Add(term);
            var fields = new DisjunctionMaxQuery(0.1f);
            foreach (var (name, weight) in searched)
            {
                fields.Add(new TermQuery(new Term(name, term)) { Boost = weight });
            }

            // A word no letter has whole is taken as the start of one ("daratu", "macroglob"): still being typed.
            if (!mayBePrefix || term.Length < MinPrefix || IndexFields.LettersWith(index, term) > 0)
            {
                return fields;
            }

            Prefixes.Add(term);
            var either = new BooleanQuery { { fields, Occur.SHOULD } };
            foreach (var (name, _) in searched)
            {
                either.Add(new ConstantScoreQuery(new PrefixQuery(new Term(name, term))) { Boost = 0.5f }, Occur.SHOULD);
            }

            return either;
        }

        private DisjunctionMaxQuery Phrase(List<AnalysedWord> words)
        {
            words.ForEach(w => Terms.Add(w.Term));
            var fields = new DisjunctionMaxQuery(0.1f);
            var first = words[0].Position;
            foreach (var (name, weight) in searched)
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
    }
}
