namespace MedInfo.Content.FrontMatter;

/// <summary>
/// The YAML parser recurses once per nesting level, so a front matter nested thousands of levels deep (a runaway
/// paste of '[' or of indented lines) would overflow the stack and end the process. Letter details are nested at
/// most three levels; anything past these limits is refused before the parser sees it.
/// </summary>
internal static class YamlDepthCheck
{
    /// <summary>Brackets '[' and '{' open inside one another.</summary>
    public const int MaxFlowDepth = 16;

    /// <summary>Columns before a line's text (spaces, '- ' and '? '): block nesting and continued text stay far below this.</summary>
    public const int MaxIndent = 64;

    /// <summary>The first line (0-based within the YAML) and column (1-based) where the front matter nests too deeply.</summary>
    public static bool TryFindTooDeep(string yaml, out int line, out int column)
    {
        line = 0;
        var depth = 0;
        var lineStart = 0;
        var indentEnded = false;
        var quote = '\0';
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                indentEnded = false;
                quote = '\0';
                continue;
            }

            if (!indentEnded)
            {
                // "- - - x" nests like indentation does: sequence and key markers before a line's text count as indent.
                var isIndent = c == ' ' || (c is '-' or '?' && i + 1 < yaml.Length && yaml[i + 1] == ' ');
                if (isIndent && i - lineStart + 1 > MaxIndent)
                {
                    column = i - lineStart + 1;
                    return true;
                }

                indentEnded = !isIndent;
            }

            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '{' && ++depth > MaxFlowDepth)
            {
                column = i - lineStart + 1;
                return true;
            }
            else if (c is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        column = 0;
        return false;
    }
}
