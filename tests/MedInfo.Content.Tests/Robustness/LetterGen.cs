using System.Globalization;
using System.Text;
using CsCheck;

namespace MedInfo.Content.Tests.Robustness;

/// <summary>
/// Generators of letter files for property-based tests: well-formed synthetic letters built from our Markdown
/// extensions (with invented products), the same with editors' typical slips, and mutations towards the hostile:
/// odd Unicode, huge lines, deep nesting, binary noise.
/// </summary>
public static class LetterGen
{
    /// <summary>Characters that break naive text handling: direction overrides, joiners, lone surrogates, controls, NUL.</summary>
    private static readonly string[] OddText =
    [
        "\u202E", "\u200B", "\u200D", "\uFEFF", "\u0000", "\u0085", "\u2028", "\u2029", "\t", "\r", "\u001B[31m",
        "\uD800", "\uDC00", "e\u0301\u0301\u0301", "👩\u200D⚕️", "𝒳𝓎", "ﷺ", "Ω≈ç√", "\uFFFF", "\uFFFE", "\u00A0", "&nbsp;", "&#0;",
        "&#x110000;", "\\", "`", "*", "_", "~", "|", "[", "]", "(", ")", "<", ">", "{", "}", "#", ":", "---", ":::", "^", "@", "\"", "'",
    ];

    /// <summary>Text a letter may well contain: accents, other scripts, symbols, joiners, direction marks.</summary>
    private static readonly string[] Words =
    [
        "examplumab", "ZENTRAVIR®", "invented", "trial", "patients", "n=12", "(57%)", "≥200", "pg/mL", "median", "IQR", "α-chain",
        "grade 2", "response", "CR~H~", "placebo", "cohort", "0.5", "mg/kg", "—", "Müller", "李", "دواء", "👩\u200D⚕️", "e\u0301",
        "\u202Bمرحبا\u202C", "zero\u200Bwidth", "16&nbsp;patients", "x^2^",
    ];

    /// <summary>Slips an editor makes: citations of undefined references, stray notes, unsafe links, raw HTML, bad table links.</summary>
    private static readonly string[] Slips =
    [
        "[@nosuchref]", "[^zz]", "[bad](javascript:alert(1))", "<div>raw</div>", "<b>bold</b>", "[Table: x](table:nosuch)",
        "[Table: x](table:Bad Id)", "![img](https://example.org/i.png)", "\n# Title\n", "\n---\n", "\n::: table\n", "\n:::\n",
        "[@ref1", "[@]", "[@ref1]:", "\n| a | b |\n", "\n::: study\n",
    ];

    private const int ReferenceCount = 7;

    public static readonly Gen<string> Word = Gen.OneOf(Words);

    public static readonly Gen<string> Odd = Gen.OneOf(OddText);

    public static readonly Gen<string> ReferenceKey = Gen.Int[0, ReferenceCount - 1].Select(i => "ref" + i.ToString(CultureInfo.InvariantCulture));

    /// <summary>A run of inline text: words, citations, safe links, emphasis.</summary>
    public static readonly Gen<string> Inline = Gen.Frequency(
        (14, Word),
        (3, ReferenceKey.Select(k => $"[@{k}]")),
        (1, Gen.Select(ReferenceKey, ReferenceKey).Select(k => $"[@{k.Item1}; @{k.Item2}]")),
        (1, Gen.OneOf("[web](https://example.org/x)", "[mail](mailto:mi@example.org)")),
        (1, Word.Select(w => $"**{w}**")),
        (1, Word.Select(w => $"*{w}*")))
        .Array[1, 14].Select(parts => string.Join(' ', parts));

    public static readonly Gen<string> Paragraph = Inline.Select(text => text + "\n");

    /// <summary>A bullet list, each item maybe with a nested list under it.</summary>
    public static readonly Gen<string> BulletList =
        Gen.Select(Inline, Gen.Int[0, 3], Inline).Array[1, 5]
            .Select(items => string.Concat(items.Select(i =>
                "- " + i.Item1 + "\n" + string.Concat(Enumerable.Range(0, i.Item2).Select(d => new string(' ', 2 * (d + 1)) + "- " + i.Item3 + "\n")))));

    private static readonly Gen<string> Value = Gen.Frequency(
        (8, Word), (3, Gen.Int[0, 500].Select(n => n.ToString(CultureInfo.InvariantCulture) + " (" + (n % 100).ToString(CultureInfo.InvariantCulture) + ")")),
        (1, Gen.Const("-")), (1, Gen.Const("")), (1, Gen.Const(@"a \| b")), (1, Gen.Const("4 (57)[^a]")));

    /// <summary>A data table as the editors' guide describes it: caption, header rows, '|---|', body rows with spans and indents, notes.</summary>
    public static readonly Gen<string> Table =
        from caption in Inline
        from columns in Gen.Int[1, 6]
        from header in Value.Array[6].Array[1, 2]
        from body in Gen.Select(Gen.Int[0, 2], Value.Array[6], Gen.Int[0, 20]).Array[1, 9]
        from abbreviations in Gen.OneOf("", "Abbreviations: IQR, interquartile range; CR, complete response.\n")
        select BuildTable(caption, columns, header, body, abbreviations);

    /// <summary>A study card with a heading inside.</summary>
    public static readonly Gen<string> Study =
        from title in Inline
        from body in Gen.OneOf(Paragraph, BulletList).Array[1, 3]
        select $"::: study {title}\n{body[0]}\n### Study Design/Methods\n\n{string.Join('\n', body)}\n:::\n";

    private static readonly Gen<string> Block = Gen.Frequency((5, Paragraph), (3, BulletList), (2, Table), (2, Study));

    /// <summary>Every reference the text can cite (an uncited one is only a warning), with and without ids.</summary>
    public static readonly Gen<string> References =
        Gen.Select(Inline, Gen.OneOf("", " {pmid=12345678}", " {doi=10.1000/xyz}", " {pmid=12345678 doi=10.1000/xyz}")).Array[ReferenceCount]
            .Select(defs => "## References\n\n" + string.Concat(defs.Select((d, i) => $"[@ref{i}]: {d.Item1}{d.Item2}\n\n")));

    private static readonly Gen<string> FrontMatter =
        from title in Gen.Frequency((4, Gen.Const("Use of ZENTRAVIR in an Invented Condition")), (1, Word.Array[1, 8].Select(w => string.Join(' ', w))))
        from status in Gen.OneOf("published", "published", "draft", "retired")
        from extra in Gen.OneOf("", "review-by: 2030-01-01\n", "keywords: [a, b]\n", "literature-search:\n  date: 2025-01-01\n  databases: [MEDLINE®]\n", "therapeutic-area: Invented\n")
        select $"---\nid: zentravir-synthetic\ntitle: \"{title}\"\nkind: Medical Information\naudience:\n  type: hcp\n  region: US\n  notice: Synthetic test letter.\nproducts:\n  - brand: ZENTRAVIR®\n    generic: examplumab\nstatus: {status}\nlast-updated: 2025-05-08\n{extra}---\n\n";

    /// <summary>A whole letter from our Markdown extensions: front matter, summary, sections of blocks, references.</summary>
    public static readonly Gen<string> Letter =
        from frontMatter in FrontMatter
        from summary in BulletList
        from sections in Gen.Select(Word, Block.Array[0, 5]).Array[0, 4]
        from references in References
        select NumberTables(frontMatter + "## Summary\n\n" + summary + "\n"
            + string.Concat(sections.Select(s => $"## {s.Item1}\n\n{string.Join('\n', s.Item2)}\n"))
            + references);

    /// <summary>A slip (see <see cref="Slips"/>) or a wrong front matter value, somewhere in the letter.</summary>
    public static readonly Gen<Func<string, string>> Slip = Gen.Frequency<Func<string, string>>(
        (3, Gen.Select(Gen.Double.Unit, Gen.OneOf(Slips)).Select<(double, string), Func<string, string>>(m => text => InsertAt(text, m.Item1, m.Item2))),
        (1, Gen.OneOf(
            ("id: zentravir-synthetic", "id: Bad Id"), ("status: published", "status: bogus"), ("last-updated: 2025-05-08", "last-updated: 2025-02-30"),
            ("last-updated: 2025-05-08", "last-updated: yesterday"), ("    generic: examplumab\n", ""), ("kind: Medical Information\n", ""),
            ("audience:", "audience: US\nx:"), ("## Summary", "## Summary\n\n# Title"))
            .Select<(string, string), Func<string, string>>(r => text => text.Replace(r.Item1, r.Item2, StringComparison.Ordinal))));

    /// <summary>A letter with one to three slips.</summary>
    public static readonly Gen<string> LetterWithSlips =
        from text in Letter
        from slips in Slip.Array[1, 3]
        select slips.Aggregate(text, (t, slip) => slip(t));

    /// <summary>A change that moves a letter towards the hostile: lines lost, moved or doubled, odd text, huge lines, deep nesting, noise.</summary>
    public static readonly Gen<Func<string, string>> Mutation = Gen.Frequency<Func<string, string>>(
        (4, Gen.Select(Gen.Double.Unit, Gen.Int[1, 12]).Select<(double, int), Func<string, string>>(m => text => DeleteLines(text, m.Item1, m.Item2))),
        (3, Gen.Select(Gen.Double.Unit, Gen.Double.Unit).Select<(double, double), Func<string, string>>(m => text => SwapLines(text, m.Item1, m.Item2))),
        (3, Gen.Select(Gen.Double.Unit, Gen.Int[1, 20]).Select<(double, int), Func<string, string>>(m => text => DuplicateLine(text, m.Item1, m.Item2))),
        (2, Gen.Double.Unit.Select<double, Func<string, string>>(at => text => text[..(int)(text.Length * at)])),
        (6, Gen.Select(Gen.Double.Unit, Odd.Array[1, 6]).Select<(double, string[]), Func<string, string>>(m => text => InsertAt(text, m.Item1, string.Concat(m.Item2)))),
        (1, Gen.Select(Gen.Double.Unit, Gen.OneOf("a", "| ", "[", "*", "x ", "[@ref1]", "<", "::: study x\n"), Gen.Int[10_000, 60_000])
            .Select<(double, string, int), Func<string, string>>(m => text => InsertAt(text, m.Item1, "\n" + Repeat(m.Item2, m.Item3) + "\n"))),
        (2, Gen.Select(Gen.Double.Unit, Gen.OneOf(">", "- ", "  - ", "[", "(", "*", "> - ", "::: study s\n", "::: table t\n", "[![", "- [@ref1]", "&#"), Gen.Int[50, 5_000])
            .Select<(double, string, int), Func<string, string>>(m => text => InsertAt(text, m.Item1, "\n" + Repeat(m.Item2, m.Item3) + "\n"))),
        (2, Gen.Select(Gen.Double.Unit, Gen.Byte.Array[1, 400]).Select<(double, byte[]), Func<string, string>>(m => text => InsertAt(text, m.Item1, Noise(m.Item2)))),
        (1, Gen.Const<Func<string, string>>(text => text.Replace("\n", "\r\n", StringComparison.Ordinal))),
        (1, Gen.Const<Func<string, string>>(text => "\uFEFF" + text)),
        (1, Gen.Const<Func<string, string>>(text => text.Replace("---", "--", StringComparison.Ordinal))),
        (1, Gen.Select(Gen.Int[1, 4], Gen.Int[2, 5_000]).Select<(int, int), Func<string, string>>(m => text => NestYaml(text, m.Item1, m.Item2))));

    /// <summary>A file of noise: random bytes read as UTF-8 text, the way a stray binary in content/ would be.</summary>
    public static readonly Gen<string> BinaryNoise = Gen.Byte.Array[0, 20_000].Select(Noise);

    /// <summary>Text any editor's tool might save: a generated letter, or a real one, changed by up to six mutations.</summary>
    public static Gen<string> Mutated(Gen<string> start) =>
        from text in start
        from mutations in Mutation.Array[1, 6]
        select mutations.Aggregate(text, (t, m) => m(t));

    public static string Noise(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();

    private static string InsertAt(string text, double at, string insert) => text.Insert((int)(text.Length * at), insert);

    private static string[] Lines(string text) => text.Split('\n');

    private static string DeleteLines(string text, double at, int count)
    {
        var lines = Lines(text).ToList();
        var start = (int)(lines.Count * at);
        lines.RemoveRange(start, Math.Min(count, lines.Count - start));
        return string.Join('\n', lines);
    }

    private static string SwapLines(string text, double a, double b)
    {
        var lines = Lines(text);
        var (i, j) = ((int)(lines.Length * a), (int)(lines.Length * b));
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return string.Join('\n', lines);
    }

    private static string DuplicateLine(string text, double at, int times)
    {
        var lines = Lines(text).ToList();
        var i = (int)(lines.Count * at);
        lines.InsertRange(i, Enumerable.Repeat(lines[i], times));
        return string.Join('\n', lines);
    }

    /// <summary>Deeply nested YAML in the front matter: flow sequences, flow mappings, compact sequences or indented mappings (kept under the size limit).</summary>
    private static string NestYaml(string text, int style, int depth)
    {
        var nested = style switch
        {
            1 => "keywords: " + new string('[', depth) + new string(']', depth),
            2 => "audience: " + Repeat("{a: ", depth) + "b" + new string('}', depth),
            3 => "products:\n" + Repeat("- ", depth) + "x",
            _ => "products:\n" + string.Concat(Enumerable.Range(1, Math.Min(depth, 1_000)).Select(d => new string(' ', d) + "k:\n")),
        };
        var end = text.Length < 3 ? -1 : text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? nested + "\n" + text : text.Insert(end + 1, nested + "\n");
    }

    /// <summary>Gives each table its own id, and links the first one from the summary.</summary>
    private static string NumberTables(string text)
    {
        var parts = text.Split("::: table results\n");
        var numbered = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            numbered.Append("::: table results-").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(parts[i]);
        }

        return parts.Length > 1
            ? numbered.ToString().Replace("## Summary\n\n", "## Summary\n\n- See [Table: results](table:results-1).\n", StringComparison.Ordinal)
            : numbered.ToString();
    }

    private static string BuildTable(string caption, int columns, string[][] header, (int Indent, string[] Values, int Span)[] body, string abbreviations)
    {
        var table = new StringBuilder();
        table.Append("::: table results\n").Append(caption).Append("\n\n");
        for (var r = 0; r < header.Length; r++)
        {
            // A header cell may span right ('<'), and in a second header row down ('^').
            AppendRow(table, 0, header[r].Take(columns).Select((v, c) => c > 0 && r == 0 && v.Length == 0 ? "<" : c == 0 && r > 0 ? "^" : v));
        }

        table.Append('|').Append(string.Concat(Enumerable.Repeat("---|", columns))).Append('\n');
        var indent = 0;
        foreach (var (rowIndent, values, span) in body)
        {
            indent = Math.Min(rowIndent, indent + 1);
            AppendRow(table, indent, values.Take(columns).Select((v, c) => c > 0 && span == c ? "<" : v));
        }

        var hasNote = body.Any(b => b.Values.Take(columns).Any(v => v.Contains("[^a]", StringComparison.Ordinal)))
            || header.Any(h => h.Take(columns).Any(v => v.Contains("[^a]", StringComparison.Ordinal)));
        table.Append('\n').Append(abbreviations).Append(hasNote ? "[^a]: A note on the marked values.\n" : "").Append(":::\n");
        return table.ToString();
    }

    private static void AppendRow(StringBuilder table, int indent, IEnumerable<string> cells) =>
        table.Append("| ").Append(new string('>', indent)).Append(indent > 0 ? " " : "").Append(string.Join(" | ", cells)).Append(" |\n");
}
