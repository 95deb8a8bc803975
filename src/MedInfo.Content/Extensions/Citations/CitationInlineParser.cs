using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace MedInfo.Content.Extensions.Citations;

/// <summary>
/// Parses <c>[@key]</c> and <c>[@key1; @key2]</c> (commas work too). Runs before Markdig's link parser, which would
/// otherwise read the brackets as link text.
/// </summary>
public sealed class CitationInlineParser : InlineParser
{
    public CitationInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@')
        {
            return false;
        }

        var text = slice.Text;
        var end = slice.End;
        char At(int index) => index <= end ? text[index] : '\0';

        var i = slice.Start + 1;
        var keys = new List<string>();
        while (true)
        {
            while (At(i) == ' ')
            {
                i++;
            }

            if (At(i) != '@')
            {
                return false;
            }

            var keyStart = ++i;
            while (CitationKey.IsKeyChar(At(i)))
            {
                i++;
            }

            if (i == keyStart)
            {
                return false;
            }

            keys.Add(text[keyStart..i]);
            while (At(i) == ' ')
            {
                i++;
            }

            if (At(i) == ']')
            {
                i++;
                break;
            }

            if (At(i) is not (';' or ','))
            {
                return false;
            }

            i++;
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new CitationInline(keys)
        {
            Span = new SourceSpan(start, start + (i - slice.Start) - 1),
            Line = line,
            Column = column,
        };
        slice.Start = i;
        return true;
    }
}

internal static class CitationKey
{
    public static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
