using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>Parses <c>[^a]</c>: a label of up to three lowercase letters or digits.</summary>
public sealed class FootnoteMarkerInlineParser : InlineParser
{
    public FootnoteMarkerInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '^')
        {
            return false;
        }

        var text = slice.Text;
        var i = slice.Start + 2;
        var labelStart = i;
        while (i <= slice.End && i - labelStart < 4 && (char.IsAsciiLetterLower(text[i]) || char.IsAsciiDigit(text[i])))
        {
            i++;
        }

        if (i == labelStart || i > slice.End || text[i] != ']')
        {
            return false;
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new FootnoteMarkerInline(text[labelStart..i])
        {
            Span = new SourceSpan(start, start + (i - slice.Start)),
            Line = line,
            Column = column,
        };
        slice.Start = i + 1;
        return true;
    }
}
