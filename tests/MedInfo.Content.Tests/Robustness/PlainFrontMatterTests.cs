using System.Text;
using CsCheck;
using MedInfo.Content.FrontMatter;

namespace MedInfo.Content.Tests.Robustness;

/// <summary>
/// Front matter written the plain way the guide shows is read without YamlDotNet. Whatever the text, what the plain
/// reader accepts must be exactly what YamlDotNet reads (every value, list and key, with its line and column, which
/// the editor's messages point at); everything else is left to YamlDotNet.
/// </summary>
public sealed class PlainFrontMatterTests
{
    private static readonly Gen<string> Key = Gen.Frequency(
        (24, Gen.Select(Gen.OneOf("id", "title", "kind", "status", "brand", "generic", "notice", "keywords", "last-updated", "x_1", "2025"), Gen.Int[0, 99])
            .Select(k => k.Item2 < 70 ? k.Item1 : k.Item1 + k.Item2)),
        (1, Gen.OneOf("\"title\"", "'id'", "two words", "?", "-", "title ", "&a", "ti#tle", "t:x")));

    /// <summary>Plain text, and text that YAML reads some other way (indicators, ': ', ' #', quotes and escapes).</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
        (10, LetterGen.Word.Array[1, 5].Select(w => string.Join(' ', w))),
        (2, Gen.OneOf("Use of ZENTRAVIR® (examplumab) in X", "C# and F#", "a [b] c", "a, b", "a:b", "https://example.org/x?y=1#z", "it's", "say \"hi\"", "100%")),
        (1, Gen.OneOf(
            "a: b", "a:", "a # c", "a #", "a  ", "  a", "\"a\"", "\"a\" x", "\"a\"#x", "'a'", "'it''s'", "\"a\\\"b\"", "\"a", "'a", "\"\"", "''",
            "-a", "- a", "?a", ":a", ",a", "[a", "]a", "{a: b}", "#a", "&a x", "*a", "!a", "|", ">", "%a", "@a", "`a", "~", "null", "a\tb",
            "a\u00A0", "\u00A0a", "a\u0085b", "a\u2028b", "\uFEFFa", "\uD83D\uDE00 a", "a\u0001", "a\\b", "\"a\u00A0\"", "\"a: b # c\"", "'[x], {y}'", "a'b'", "\"\\u00e9\"", "a #b: c", "a ,b", "a]")));

    private static readonly Gen<string> Scalar = Text;

    private static readonly Gen<string> FlowList = Gen.Frequency(
        (6, Text.Array[0, 5].Select(items => "[" + string.Join(", ", items) + "]")),
        (1, Gen.OneOf("[a,b]", "[ a , b ]", "[a, b,]", "[a, [b]]", "[a, {b: c}]", "[a] x", "[a] # c", "[a]#c", "[a", "[a: b]", "[\"a, b\", 'c']", "[a b, c#d, e #f]")));

    private static readonly Gen<string> Indent = Gen.Frequency((8, Gen.Const("  ")), (1, Gen.OneOf("", " ", "   ", "    ")));

    private static readonly Gen<string> Comment = Gen.Frequency((6, Gen.Const("")), (1, Gen.OneOf(" # note", "  #", " #x: y")));

    /// <summary>One 'key: ...' entry: text, a '[...]' list, keys below, or a '- ' list (of text or of keys) below.</summary>
    private static readonly Gen<string> Entry =
        from key in Key
        from kind in Gen.Int[0, 9]
        from value in Scalar
        from flow in FlowList
        from indent in Indent
        from keys in Gen.Select(Key, Scalar, Comment).Array[1, 3]
        from items in Gen.Select(Scalar, Key, Scalar).Array[1, 3]
        from itemSpaces in Gen.Frequency((8, Gen.Const(" ")), (1, Gen.OneOf("", "  ")))
        from comment in Comment
        select kind switch
        {
            <= 3 => $"{key}: {value}{comment}\n",
            4 => $"{key}: {flow}{comment}\n",
            5 => $"{key}:{comment}\n" + string.Concat(keys.Select(k => $"{indent}{k.Item1}: {k.Item2}{k.Item3}\n")),
            6 => $"{key}:{comment}\n" + string.Concat(items.Select(i => $"{indent}-{itemSpaces}{i.Item1}\n")),
            7 => $"{key}:\n" + string.Concat(items.Select(i => $"{indent}-{itemSpaces}{i.Item2}: {i.Item1}\n{indent}{new string(' ', 1 + itemSpaces.Length)}generic: {i.Item3}\n")),
            8 => $"{key}:\n",
            _ => $"{key}: {value}\n{indent}{value}\n",
        };

    private static readonly Gen<string> FrontMatterText =
        Gen.Frequency((12, Entry), (1, Gen.OneOf("\n", "# a comment\n", "  # indented comment\n", "   \n", "- a\n", "  x: y\n", "\tx: y\n", "x: y\r\n")))
            .Array[1, 8].Select(string.Concat);

    [Fact]
    public void What_the_plain_reader_accepts_YamlDotNet_reads_the_same_to_the_column()
    {
        var accepted = 0;
        var texts = Gen.Frequency((3, FrontMatterText), (1, LetterGen.Mutated(FrontMatterText)));
        texts.Sample(yaml =>
        {
            if (PlainFrontMatterParser.TryParse(yaml) is { } plain)
            {
                accepted++;
                Assert.Equal(Describe(YamlFrontMatter.Load(yaml)), Describe(plain));
            }
        }, iter: 20_000, print: t => t.Length > 600 ? t[..600] : t);

        Assert.True(accepted > 1_000, $"only {accepted} of 20,000 texts were read by the plain reader");
    }

    [Fact]
    public void The_real_letters_and_the_guides_example_are_read_by_the_plain_reader()
    {
        var letters = Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryPaths.TestLetters, "*.md", SearchOption.AllDirectories))
            .Select(File.ReadAllText)
            .Where(text => text.StartsWith("---\n", StringComparison.Ordinal))
            .ToList();
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Content, "README.md"));
        var example = guide[guide.IndexOf("```yaml\n---\n", StringComparison.Ordinal)..];
        letters.Add(example["```yaml\n".Length..(example.IndexOf("```\n", 8, StringComparison.Ordinal))]);

        Assert.True(letters.Count >= 3, $"{letters.Count} letters found");
        foreach (var letter in letters)
        {
            var yaml = FrontMatterSplitter.Split(letter, out _)!;
            var plain = PlainFrontMatterParser.TryParse(yaml);
            Assert.True(plain is not null, "not read by the plain reader:\n" + yaml);
            Assert.Equal(Describe(YamlFrontMatter.Load(yaml)), Describe(plain));
        }
    }

    /// <summary>Every value with its kind, line and column.</summary>
    private static string Describe(FrontMatterNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(FrontMatterNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("none");
                break;
            case FrontMatterText scalar:
                text.Append($"'{scalar.Value}'@{scalar.Line}:{scalar.Column}");
                break;
            case FrontMatterList list:
                text.Append($"[@{list.Line}:{list.Column} ");
                foreach (var item in list.Items)
                {
                    Write(item, text);
                    text.Append(", ");
                }

                text.Append(']');
                break;
            case FrontMatterMap map:
                text.Append($"{{@{map.Line}:{map.Column} ");
                foreach (var entry in map.Entries)
                {
                    Write(entry.Key, text);
                    text.Append(": ");
                    Write(entry.Value, text);
                    text.Append("; ");
                }

                text.Append('}');
                break;
        }
    }
}
