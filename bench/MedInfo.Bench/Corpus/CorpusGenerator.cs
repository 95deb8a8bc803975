using System.Globalization;
using System.Text;

namespace MedInfo.Bench.Corpus;

/// <summary>
/// Writes N synthetic letters shaped like the seed letter: a summary that cites, 2-4 study cards, 2-3 tables of
/// 20-40 rows with spans, indents, group rows and footnotes, 10-20 references. Every product, study and number is
/// invented (and says so); the same seed always writes the same files.
/// </summary>
public sealed class CorpusGenerator(int seed = 20261124)
{
    private static readonly string[] Syllables = ["zor", "vel", "tran", "qui", "mab", "lix", "dor", "pra", "nex", "sol", "tiv", "ka", "ren", "ulo", "fen"];
    private static readonly string[] Conditions = ["invented syndrome A", "placeholder neuropathy", "fictional nephritis", "synthetic arthritis", "sample myelopathy", "model dermatosis"];
    private static readonly string[] CommonWords = ["patients", "response", "treatment", "median", "cohort", "baseline", "dose", "safety", "efficacy", "observed", "reported", "analysis", "follow-up", "events", "invented", "synthetic", "the", "with", "and", "of", "in", "were"];

    // A vocabulary like a real letter's: a few common words and a long tail of rare ones (invented, syllable-built),
    // drawn with a Zipf-like skew, so a query's matches range from most letters to a handful.
    private static readonly string[] Vocabulary = BuildVocabulary(4000);

    /// <summary>Writes <paramref name="count"/> letters under <paramref name="directory"/> (one folder per product).</summary>
    public void Write(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var products = Enumerable.Range(0, Math.Max(1, count / 25)).Select(i => Product(new Random(seed + i), i)).ToList();
        Parallel.For(0, count, i =>
        {
            var random = new Random(seed * 31 + i);
            var product = products[i % products.Count];
            var folder = Path.Combine(directory, product.Slug);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"letter-{i:D6}.md"), Letter(random, i, product));
        });
    }

    public static string LetterId(int index, string productSlug) => $"{productSlug}-synthetic-{index:D6}";

    /// <summary>One letter's text (also used to change a letter: a different <paramref name="variant"/>).</summary>
    public static string Letter(Random random, int index, SyntheticProduct product, int variant = 0)
    {
        var text = new StringBuilder();
        var condition = Conditions[random.Next(Conditions.Length)];
        var referenceCount = random.Next(10, 21);
        var cardCount = random.Next(2, 5);
        var tableCount = random.Next(2, 4);
        var keys = Enumerable.Range(1, referenceCount).Select(n => $"ref{n}").ToList();
        var tables = Enumerable.Range(1, tableCount).Select(n => $"t{n}").ToList();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            id: {LetterId(index, product.Slug)}
            title: Use of {product.Brand.TrimEnd('®')} in {condition} (synthetic letter {index})
            kind: Medical Information
            audience:
              type: hcp
              region: US
              notice: Synthetic benchmark letter with invented products and data. Not medical information.
            products:
              - brand: {product.Brand}
                generic: {product.Generic}
            status: published
            last-updated: 2025-{1 + (index % 12):D2}-{1 + (index % 28):D2}
            literature-search:
              date: 2025-01-15
              databases: [MEDLINE®, Embase®]
            therapeutic-area: Synthetic
            keywords: [{condition}, {product.Generic}, synthetic]
            ---

            ## Summary


            """);
        text.Append(CultureInfo.InvariantCulture, $"- {product.Brand.TrimEnd('®')} is an invented product and is not approved for {condition}. Variant {variant}.\n");
        for (var card = 0; card < cardCount; card++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Author{card} et al reported {Sentence(random, 30)}[@{keys[card % keys.Count]}] See [Table {card % tableCount + 1}](table:{tables[card % tableCount]}).\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"- Other literature is listed in the references.[{string.Join("; ", keys.Select(k => "@" + k))}]\n\n## PRODUCT LABELING\n\n## CLINICAL DATA\n\n");
        for (var card = 0; card < cardCount; card++)
        {
            text.Append(CultureInfo.InvariantCulture, $"::: study Author{card} et al (202{card})[@{keys[card % keys.Count]}]\n{Sentence(random, 40)}\n\n### Study Design/Methods\n\n");
            for (var b = 0; b < 4; b++)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {Sentence(random, 25)}\n");
                if (b == 1)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - {Sentence(random, 15)}\n");
                }
            }

            text.Append("\n### Results\n\n");
            for (var b = 0; b < 5; b++)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {Sentence(random, 25)}\n");
            }

            if (card < tableCount)
            {
                text.Append('\n').Append(Table(random, tables[card], keys[card % keys.Count]));
            }

            text.Append(":::\n\n");
        }

        text.Append("## References\n\n");
        foreach (var key in keys)
        {
            text.Append(CultureInfo.InvariantCulture, $"[@{key}]: Inventedauthor {key.ToUpperInvariant()}, Placeholder B, et al. {Sentence(random, 12).TrimEnd('.')}. J Synth Med. 20{random.Next(10, 25)};{random.Next(1, 99)}({random.Next(1, 12)}):{random.Next(100, 999)}-{random.Next(1000, 1999)}.\n");
        }

        return text.ToString();
    }

    private static string Table(Random random, string id, string citeKey)
    {
        var rows = random.Next(20, 41);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"::: table {id}\nSynthetic outcomes table {id}[@{citeKey}]\n\n");
        text.Append("| Characteristic | Arm A | Arm B |\n| ^ | N=12 | < |\n|---|---|---|\n");
        for (var r = 0; r < rows; r++)
        {
            if (r % 8 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"| Group {r / 8}, n (%) | | |\n");
                continue;
            }

            var indent = (r % 8) switch { 1 or 2 => "> ", 3 => ">> ", 4 => ">>> ", _ => string.Empty };
            var a = random.Next(0, 12);
            var marker = r == 3 ? "[^a]" : string.Empty;
            if (r % 5 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {indent}Measure {r}, n (%) | {a} ({a * 100 / 12}) | < |\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"| {indent}Measure {r}{marker}, n (%) | {a} ({a * 100 / 12}) | {12 - a} ({(12 - a) * 100 / 12}) |\n");
            }
        }

        text.Append("\nAbbreviations: ORR, overall response rate; SD, stable disease.\n[^a]: An invented footnote.\n:::\n\n");
        return text.ToString();
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            var word = random.NextDouble() < 0.45
                ? CommonWords[random.Next(CommonWords.Length)]
                : Vocabulary[(int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 3))];
            text.Append(w == 0 ? "The" : word).Append(w < words - 1 ? " " : ".");
        }

        return text.ToString();
    }

    private static string[] BuildVocabulary(int size)
    {
        var random = new Random(99);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            words.Add(string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)])));
        }

        return [.. words.Order(StringComparer.Ordinal)];
    }

    private static SyntheticProduct Product(Random random, int index)
    {
        var name = string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
        var brand = $"{name.ToUpperInvariant()}{index}®";
        return new SyntheticProduct(brand, $"{name}mab-{index}", $"{name}{index}");
    }
}

/// <summary>An invented product of the synthetic corpus.</summary>
public sealed record SyntheticProduct(string Brand, string Generic, string Slug);
