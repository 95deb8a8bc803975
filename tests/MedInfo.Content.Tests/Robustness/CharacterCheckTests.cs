using CsCheck;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Tests.Robustness;

/// <summary>
/// The check every file passes before it is parsed scans vectorised; it must point at the same character, line
/// and column as reading the text one character at a time, wherever a stray character sits.
/// </summary>
public sealed class CharacterCheckTests
{
    /// <summary>Mostly text, with line breaks of every kind, valid surrogate pairs, and the characters the check refuses.</summary>
    private static readonly Gen<string> Texts = Gen.Frequency(
            (40, Gen.Char['a', 'z']),
            (6, Gen.OneOf(' ', '®', 'µ', '≥', '\t', '\f', '\u200D', '\u007F', '\u0085', '\u2028')),
            (4, Gen.OneOf('\n', '\r')),
            (1, Gen.OneOf('\0', '\u000B', '\u001F', '\uFFFD', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\uDBFF')))
        .Array[0, 300]
        .Select(chars => new string(chars))
        .Select(Gen.OneOf("", "👩\u200D⚕️", "e\u0301"), (text, pair) => text.Insert(text.Length / 2, pair));

    [Fact]
    public void The_first_stray_character_is_found_where_a_character_by_character_reading_finds_it()
    {
        Texts.Sample(text =>
        {
            var found = CharacterCheck.TryFindFirst(text, out var line, out var column, out var description);
            var expected = OneByOne(text);

            Assert.Equal(expected is not null, found);
            if (expected is { } stray)
            {
                Assert.Equal((stray.Line, stray.Column, stray.Description), (line, column, description));
            }
        }, iter: 20_000);
    }

    /// <summary>The definition, one character at a time: line breaks as Markdig counts them, a surrogate pair is one character.</summary>
    private static (int Line, int Column, string Description)? OneByOne(string text)
    {
        var (line, column) = (1, 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                (line, column) = (line + 1, 1);
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                column += 2;
                continue;
            }

            var refused = (c < ' ' && c is not ('\t' or '\f')) || char.IsSurrogate(c) || c is '\uFFFD' or '\uFFFE' or '\uFFFF';
            if (refused)
            {
                return (line, column, $"U+{(int)c:X4}");
            }

            column++;
        }

        return null;
    }
}
