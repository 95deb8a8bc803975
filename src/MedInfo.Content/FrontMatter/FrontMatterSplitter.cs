namespace MedInfo.Content.FrontMatter;

/// <summary>Finds the YAML front matter between the opening and closing <c>---</c> lines.</summary>
internal static class FrontMatterSplitter
{
    /// <summary>The YAML text, or null when the file does not start with a <c>---</c> line or never closes it.</summary>
    /// <param name="closed">False when the opening line is there but no closing line follows.</param>
    public static string? Split(string text, out bool closed)
    {
        closed = false;
        using var reader = new StringReader(text);
        var first = reader.ReadLine();
        if (first is null || first.TrimEnd() != "---")
        {
            return null;
        }

        var yaml = new System.Text.StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.TrimEnd();
            if (trimmed is "---" or "...")
            {
                closed = true;
                return yaml.ToString();
            }

            yaml.Append(line).Append('\n');
        }

        return yaml.ToString();
    }
}
