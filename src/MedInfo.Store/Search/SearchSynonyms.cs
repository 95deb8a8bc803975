using Lucene.Net.Analysis;

namespace MedInfo.Store.Search;

/// <summary>
/// Words and phrases that stand for each other in a search, as stems: the abbreviations the letters' tables
/// explain ("ECOG" and "Eastern Cooperative Oncology Group") and the editors' synonyms file ("breastfeeding" and
/// "lactation"). A search for one form finds letters with any of them. Immutable: the index builds a new set when
/// the store's synonyms change.
/// </summary>
internal sealed class SearchSynonyms
{
    public static readonly SearchSynonyms None = new([]);

    // Each form (its stems joined by spaces) to every form of its groups, itself included.
    private readonly Dictionary<string, List<IReadOnlyList<string>>> formsOf = new(StringComparer.Ordinal);

    // The forms starting with a stem, longest first, to find a form of several words in what was typed.
    private readonly Dictionary<string, List<IReadOnlyList<string>>> startingWith = new(StringComparer.Ordinal);

    private SearchSynonyms(IEnumerable<IReadOnlyList<IReadOnlyList<string>>> groups)
    {
        foreach (var group in groups.Where(g => g.Count > 1))
        {
            foreach (var form in group)
            {
                var key = string.Join(' ', form);
                if (!formsOf.TryGetValue(key, out var forms))
                {
                    formsOf[key] = forms = [];
                    var first = form[0];
                    if (!startingWith.TryGetValue(first, out var starting))
                    {
                        startingWith[first] = starting = [];
                    }

                    starting.Add(form);
                }

                forms.AddRange(group.Where(f => !forms.Any(known => known.SequenceEqual(f))));
            }
        }

        foreach (var starting in startingWith.Values)
        {
            starting.Sort((a, b) => b.Count.CompareTo(a.Count));
        }
    }

    /// <summary>The set from groups of forms as written, each form analysed as the letters' text is.</summary>
    public static SearchSynonyms From(Analyzer english, IEnumerable<IReadOnlyList<string>> groups) =>
        new(groups.Select(g => (IReadOnlyList<IReadOnlyList<string>>)g
            .Select(form => (IReadOnlyList<string>)SearchAnalysis.Words(english, form).Select(w => w.Term).ToList())
            .Where(form => form.Count > 1 || form.Count == 1 && form[0].Length > 1) // "N, number of patients" would make every "n" a match
            .ToList()));

    /// <summary>The longest form starting at <paramref name="start"/> in <paramref name="stems"/>, and every form it stands for; (0, []) when none.</summary>
    public (int Length, IReadOnlyList<IReadOnlyList<string>> Forms) Match(IReadOnlyList<string> stems, int start)
    {
        if (!startingWith.TryGetValue(stems[start], out var candidates))
        {
            return (0, []);
        }

        foreach (var form in candidates)
        {
            if (start + form.Count <= stems.Count && form.Select((stem, i) => stems[start + i] == stem).All(x => x))
            {
                return (form.Count, formsOf[string.Join(' ', form)]);
            }
        }

        return (0, []);
    }
}
