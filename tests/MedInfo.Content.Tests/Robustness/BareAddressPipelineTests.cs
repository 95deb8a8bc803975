using System.Collections;
using System.Reflection;
using System.Text;
using CsCheck;

namespace MedInfo.Content.Tests.Robustness;

/// <summary>
/// A text in which no bare address can start is parsed without looking for one (it stopped the parser at every h,
/// f, m, t and w). Whatever the text, the letter and the messages must be exactly what the whole dialect gives.
/// </summary>
public sealed class BareAddressPipelineTests
{
    private const string Path = "content/synthetic/addresses.md";

    /// <summary>Inline text that tempts the address parser: near-misses, starts in other cases, and real addresses.</summary>
    private static readonly Gen<string> AddressLike = Gen.OneOf(
        "https://example.org/a_b", "http://example.org", "www.example.org", "ftp://example.org", "mailto:mi@example.org",
        "tel:+15550100", "HTTPS://example.org", "Www.example.org", "http:/example.org", "www", "https", "hotel:", "*www.x.org*",
        "(www.example.org)", "_https://example.org_", "[https://example.org]", "x://y", "what", "the", "from", "mg/m^2^");

    private static readonly Gen<string> Body = Gen.Frequency((4, LetterGen.Inline), (1, AddressLike)).Array[1, 12]
        .Select(parts => "## Summary\n\n" + string.Join(' ', parts) + "\n");

    [Fact]
    public void Letters_read_alike_with_and_without_looking_for_bare_addresses()
    {
        var seed = File.ReadAllText(RepositoryPaths.SeedMarkdown);
        var texts = Gen.OneOf(LetterGen.Letter, LetterGen.LetterWithSlips, Body.Select(TestLetters.WithBody), LetterGen.Mutated(Gen.Const(seed)));
        var lighter = 0;
        texts.Sample(text =>
        {
            lighter += ReferenceEquals(LetterMarkdownPipeline.For(text), LetterMarkdownPipeline.Instance) ? 0 : 1;
            Assert.Equal(Describe(LetterReader.Read(Path, text, null, LetterMarkdownPipeline.Instance)), Describe(LetterReader.Read(Path, text)));
        }, iter: 2_000, print: t => t.Length > 400 ? t[..400] : t);

        Assert.True(lighter > 200, $"only {lighter} texts were read with the lighter pipeline");
    }

    [Fact]
    public void A_bare_address_is_still_a_link()
    {
        var letter = TestLetters.ReadValid(TestLetters.WithBody("## Summary\n\nSee www.example.org and https://example.org/pi for the label.\n"));

        var links = Letters.LetterWalker.Inlines(letter).OfType<Letters.Hyperlink>().Select(l => l.Url);
        Assert.Equal(["https://www.example.org", "https://example.org/pi"], links);
    }

    /// <summary>Everything a reader or editor could notice of a read: the model, value by value, and every message.</summary>
    private static string Describe(LetterReadResult read)
    {
        var text = new StringBuilder();
        Write(text, read.Letter);
        foreach (var diagnostic in read.Diagnostics)
        {
            text.Append(diagnostic).Append('\n');
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string or ValueType:
                text.Append(value);
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item);
                    text.Append(", ");
                }

                text.Append(']');
                return;
        }

        text.Append(value.GetType().Name).Append('{');
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            text.Append(property.Name).Append('=');
            Write(text, property.GetValue(value));
            text.Append("; ");
        }

        text.Append('}');
    }
}
