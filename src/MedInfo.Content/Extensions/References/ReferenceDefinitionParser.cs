using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Extensions.References;

/// <summary>Parses reference definitions. A following line that is not blank and starts no new block continues the entry.</summary>
public sealed partial class ReferenceDefinitionParser : BlockParser
{
    public ReferenceDefinitionParser() => OpeningCharacters = ['['];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var line = processor.Line;
        var match = DefinitionStart().Match(line.Text, line.Start, line.Length);
        if (!match.Success)
        {
            return BlockState.None;
        }

        var block = new ReferenceDefinitionBlock(this)
        {
            Key = match.Groups["key"].Value,
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),
        };
        processor.NewBlocks.Push(block);

        // Keep only the entry's text in the block's lines.
        var rest = new StringSlice(line.Text, match.Index + match.Length, line.End);
        block.AppendLine(ref rest, processor.Column + match.Length, processor.LineIndex, processor.CurrentLineStartPosition, processor.TrackTrivia);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (processor.IsBlankLine)
        {
            return BlockState.BreakDiscard;
        }

        var line = processor.Line;
        var first = line.CurrentChar;
        if (first is '[' or '#' or ':' or '-' or '*' or '|')
        {
            return BlockState.None;
        }

        block.UpdateSpanEnd(line.End);
        return BlockState.Continue;
    }

    public override bool Close(BlockProcessor processor, Block block)
    {
        var definition = (ReferenceDefinitionBlock)block;
        var text = string.Join(' ', definition.Lines.Lines.Take(definition.Lines.Count).Select(l => l.Slice.ToString().Trim())).Trim();

        var ids = TrailingIds().Match(text);
        if (ids.Success)
        {
            text = text[..ids.Index].TrimEnd();
            foreach (var pair in ids.Groups["pairs"].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                ReadId(definition, pair);
            }
        }

        // An address the editor wrote as <https://…> reads as the address itself; the first web or mail address in
        // the entry becomes its link (other schemes stay text, as in the body).
        text = AngleAddress().Replace(text, m => m.Groups["url"].Value);
        definition.Url = WebAddress().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', ')'))
            .FirstOrDefault(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto");
        definition.Text = text;
        if (text.Length == 0)
        {
            definition.Problems.Add(new SourceProblem(definition.Line, definition.Column, $"Reference [@{definition.Key}] has no text. Write the citation after the colon."));
        }

        return true;
    }

    private static void ReadId(ReferenceDefinitionBlock definition, string pair)
    {
        var parts = pair.Split('=', 2);
        var name = parts[0].Trim().ToUpperInvariant();
        var value = parts.Length == 2 ? parts[1].Trim() : string.Empty;
        switch (name)
        {
            case "PMID" when PubMedIdPattern().IsMatch(value):
                definition.PubMedId = value;
                break;
            case "DOI" when DoiPattern().IsMatch(value):
                definition.Doi = value;
                break;
            default:
                definition.Problems.Add(new SourceProblem(definition.Line, definition.Column,
                    $"Reference [@{definition.Key}]: '{pair}' is not understood. Write {{pmid=12345678}} and/or {{doi=10.1000/xyz}} at the end of the entry."));
                break;
        }
    }

    [GeneratedRegex(@"\G\[@(?<key>[A-Za-z0-9_.\-]+)\]:[ \t]*")]
    private static partial Regex DefinitionStart();

    [GeneratedRegex(@"\{(?<pairs>[^{}]*)\}\s*$")]
    private static partial Regex TrailingIds();

    [GeneratedRegex(@"<(?<url>(?:https?://|mailto:)[^\s<>]+)>")]
    private static partial Regex AngleAddress();

    [GeneratedRegex(@"(?:https?://|mailto:)[^\s<>]+")]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"^[0-9]{1,9}$")]
    private static partial Regex PubMedIdPattern();

    [GeneratedRegex(@"^10\.[0-9]{4,9}/\S+$")]
    private static partial Regex DoiPattern();
}
