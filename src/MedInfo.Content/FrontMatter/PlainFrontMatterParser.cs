namespace MedInfo.Content.FrontMatter;

/// <summary>
/// Reads front matter written the way the editors' guide shows it, a fraction of YAML, without YamlDotNet (whose
/// document model was most of a letter's front matter time): 'key: value' lines, nested keys indented with spaces,
/// '- ' lists (of text, or of keys), '[a, b]' lists on one line, text plain or in quotes without escapes, and
/// comments. Anything else (a tab, text over several lines, '|', anchors, '{', an empty value, a mistake) is
/// declined with null, and YamlDotNet reads it: so a text read here gives exactly what YamlDotNet gives, value and
/// position (a property test compares the two), and every error message still comes from YamlDotNet.
/// </summary>
internal sealed class PlainFrontMatterParser
{
    /// <summary>Keys made of these only (a key in quotes, or with spaces, goes to YamlDotNet).</summary>
    private const int MaxKeyLength = 100;

    private readonly string yaml;
    private readonly List<Line> lines = [];

    private PlainFrontMatterParser(string yaml) => this.yaml = yaml;

    /// <summary>The front matter's keys, or null when the text is not in the plain form (YamlDotNet decides then).</summary>
    public static FrontMatterMap? TryParse(string yaml)
    {
        if (!HasOnlyPlainCharacters(yaml))
        {
            return null;
        }

        var parser = new PlainFrontMatterParser(yaml);
        parser.SplitLines();
        var first = parser.NextContent(0);
        if (first == parser.lines.Count || parser.lines[first].Indent != 0)
        {
            return null;
        }

        var line = first;
        var root = parser.Mapping(ref line, 0, parser.lines[first].Start);
        return root is not null && parser.NextContent(line) == parser.lines.Count ? root : null;
    }

    /// <summary>
    /// No tab, carriage return, control or other character YAML treats specially (U+0085, U+2028 and U+2029 break
    /// lines there, a byte order mark is skipped, a surrogate pair counts as one column).
    /// </summary>
    private static bool HasOnlyPlainCharacters(string yaml)
    {
        foreach (var c in yaml)
        {
            if ((c < ' ' && c != '\n') || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
                || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private void SplitLines()
    {
        var start = 0;
        while (start < yaml.Length)
        {
            var end = yaml.IndexOf('\n', start);
            end = end < 0 ? yaml.Length : end;
            lines.Add(new Line(start, end, SkipSpaces(start, end) - start));
            start = end + 1;
        }
    }

    /// <summary>The first line from this one that is neither blank nor a comment.</summary>
    private int NextContent(int line)
    {
        for (; line < lines.Count; line++)
        {
            var (start, end, indent) = lines[line];
            var first = start + indent;
            if (first < end && yaml[first] != '#')
            {
                return line;
            }
        }

        return lines.Count;
    }

    private bool IsListItem(int line)
    {
        var (start, end, indent) = lines[line];
        var at = start + indent;
        return yaml[at] == '-' && (at + 1 == end || yaml[at + 1] == ' ');
    }

    /// <summary>'key: value' lines whose keys start at column <paramref name="keyIndent"/> + 1, the first at <paramref name="at"/> on <paramref name="line"/>.</summary>
    private FrontMatterMap? Mapping(ref int line, int keyIndent, int at)
    {
        var entries = new List<FrontMatterEntry>();
        while (true)
        {
            var key = Key(line, at);
            if (key is null || entries.Exists(e => e.Key.Value == key.Value))
            {
                return null;
            }

            var valueAt = SkipSpaces(at + key.Value.Length + 1, lines[line].End);
            FrontMatterNode? value;
            if (IsLineEnd(line, valueAt))
            {
                value = NestedBlock(ref line, keyIndent);
            }
            else
            {
                value = InlineValue(line, valueAt);
                line = NextContent(line + 1);
            }

            if (value is null)
            {
                return null;
            }

            entries.Add(new FrontMatterEntry(key, value));
            if (line == lines.Count || lines[line].Indent < keyIndent)
            {
                return new FrontMatterMap(entries, entries[0].Key.Line, entries[0].Key.Column);
            }

            if (lines[line].Indent > keyIndent || IsListItem(line))
            {
                return null;
            }

            at = lines[line].Start + keyIndent;
        }
    }

    /// <summary>The value of a key with nothing after its ':', on the lines below it; null for an empty value.</summary>
    private FrontMatterNode? NestedBlock(ref int line, int keyIndent)
    {
        line = NextContent(line + 1);
        if (line == lines.Count)
        {
            return null;
        }

        var indent = lines[line].Indent;
        if (IsListItem(line) && indent >= keyIndent)
        {
            return List(ref line, indent);
        }

        return indent > keyIndent ? Mapping(ref line, indent, lines[line].Start + indent) : null;
    }

    /// <summary>'- item' lines whose '-' is at column <paramref name="indent"/> + 1.</summary>
    private FrontMatterList? List(ref int line, int indent)
    {
        var items = new List<FrontMatterNode>();
        var (firstLine, firstColumn) = (line + 1, indent + 1);
        while (line < lines.Count && lines[line].Indent == indent && IsListItem(line))
        {
            var itemAt = SkipSpaces(lines[line].Start + indent + 1, lines[line].End);
            if (IsLineEnd(line, itemAt))
            {
                return null;
            }

            FrontMatterNode? item;
            if (Key(line, itemAt) is not null)
            {
                item = Mapping(ref line, itemAt - lines[line].Start, itemAt);
            }
            else
            {
                item = InlineValue(line, itemAt);
                line = NextContent(line + 1);
                if (line < lines.Count && lines[line].Indent > indent)
                {
                    return null;
                }
            }

            if (item is null)
            {
                return null;
            }

            items.Add(item);
        }

        return line < lines.Count && lines[line].Indent > indent ? null : new FrontMatterList(items, firstLine, firstColumn);
    }

    /// <summary>'key:' followed by a space or the line's end; null when the text there is not a plain key.</summary>
    private FrontMatterText? Key(int line, int at)
    {
        var end = lines[line].End;
        var i = at;
        while (i < end && i - at < MaxKeyLength && (char.IsAsciiLetterOrDigit(yaml[i]) || yaml[i] is '-' or '_'))
        {
            i++;
        }

        if (i == at || !char.IsAsciiLetterOrDigit(yaml[at]) || i == end || yaml[i] != ':' || (i + 1 < end && yaml[i + 1] != ' '))
        {
            return null;
        }

        return new FrontMatterText(yaml[at..i], line + 1, at - lines[line].Start + 1);
    }

    /// <summary>A value on the rest of its line: text, plain or quoted, or a '[a, b]' list; then only a comment.</summary>
    private FrontMatterNode? InlineValue(int line, int at)
    {
        var end = lines[line].End;
        FrontMatterNode? value;
        int after;
        if (yaml[at] == '[')
        {
            (value, after) = FlowList(line, at);
        }
        else if (yaml[at] is '"' or '\'')
        {
            (value, after) = Quoted(line, at);
        }
        else
        {
            return PlainText(line, at, end, inList: false);
        }

        // A comment needs a space before its '#': '"text"#x' is not YAML.
        var rest = SkipSpaces(after, end);
        return value is not null && (rest == end || (rest > after && yaml[rest] == '#')) ? value : null;
    }

    /// <summary>'[a, b, "c"]' on one line, of text only.</summary>
    private (FrontMatterList? List, int After) FlowList(int line, int open)
    {
        var end = lines[line].End;
        var items = new List<FrontMatterNode>();
        var i = SkipSpaces(open + 1, end);
        if (i < end && yaml[i] == ']')
        {
            return (new FrontMatterList(items, line + 1, open - lines[line].Start + 1), i + 1);
        }

        while (i < end)
        {
            FrontMatterNode? item;
            if (yaml[i] is '"' or '\'')
            {
                (item, i) = Quoted(line, i);
            }
            else
            {
                var stop = yaml.AsSpan(i, end - i).IndexOfAny(',', ']');
                if (stop < 0)
                {
                    return (null, i);
                }

                item = PlainText(line, i, i + stop, inList: true);
                i += stop;
            }

            i = SkipSpaces(i, end);
            if (item is null || i == end)
            {
                return (null, i);
            }

            items.Add(item);
            if (yaml[i] == ']')
            {
                return (new FrontMatterList(items, line + 1, open - lines[line].Start + 1), i + 1);
            }

            if (yaml[i] != ',')
            {
                return (null, i);
            }

            i = SkipSpaces(i + 1, end);
        }

        return (null, i);
    }

    /// <summary>Text in quotes on one line, without escapes (no '\' in double quotes, no '' in single ones).</summary>
    private (FrontMatterText? Text, int After) Quoted(int line, int open)
    {
        var quote = yaml[open];
        var end = lines[line].End;
        var close = yaml.IndexOf(quote, open + 1, end - open - 1);
        if (close < 0
            || (quote == '"' && yaml.AsSpan(open + 1, close - open - 1).Contains('\\'))
            || (quote == '\'' && close + 1 < end && yaml[close + 1] == '\''))
        {
            return (null, open);
        }

        return (new FrontMatterText(yaml[(open + 1)..close], line + 1, open - lines[line].Start + 1), close + 1);
    }

    /// <summary>
    /// Plain text from <paramref name="at"/> up to <paramref name="end"/> or a comment (' #'), trailing spaces left
    /// out. Declined when YAML would read it otherwise: starting with an indicator, holding ': ' (a key), or in a
    /// '[...]' list holding any ':', '#', bracket or brace.
    /// </summary>
    private FrontMatterText? PlainText(int line, int at, int end, bool inList)
    {
        if (yaml[at] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
        {
            return null;
        }

        var stop = end;
        for (var i = at; i < end; i++)
        {
            var c = yaml[i];
            if (inList && c is ':' or '#' or '[' or '{' or '}')
            {
                return null;
            }

            if (c == '#' && yaml[i - 1] == ' ')
            {
                stop = i;
                break;
            }

            if (c == ':' && (i + 1 == end || yaml[i + 1] == ' '))
            {
                return null;
            }
        }

        while (stop > at && yaml[stop - 1] == ' ')
        {
            stop--;
        }

        return stop == at ? null : new FrontMatterText(yaml[at..stop], line + 1, at - lines[line].Start + 1);
    }

    private bool IsLineEnd(int line, int at) => at == lines[line].End || yaml[at] == '#';

    private int SkipSpaces(int at, int end)
    {
        while (at < end && yaml[at] == ' ')
        {
            at++;
        }

        return at;
    }

    /// <summary>A line of the front matter: where it starts and ends (before its '\n'), and its indent in spaces.</summary>
    private readonly record struct Line(int Start, int End, int Indent);
}
