namespace MedInfo.Content.FrontMatter;

/// <summary>
/// A value of the front matter with where it starts (line within the YAML and column, both from 1), as the checks
/// need it: text, a list or a set of keys. Built by <see cref="PlainFrontMatterParser"/> for front matter written the
/// way the editors' guide shows, and from YamlDotNet's document for anything else (<see cref="YamlFrontMatter"/>).
/// </summary>
internal abstract record FrontMatterNode(int Line, int Column);

/// <summary>A scalar: the text as YAML reads it (quotes removed, not yet trimmed of other white space).</summary>
internal sealed record FrontMatterText(string Value, int Line, int Column) : FrontMatterNode(Line, Column);

/// <summary>A list, written '- item' lines or '[a, b]'; starts at its first '-' or at its '['.</summary>
internal sealed record FrontMatterList(IReadOnlyList<FrontMatterNode> Items, int Line, int Column) : FrontMatterNode(Line, Column);

/// <summary>'key: value' entries in the order written; starts at its first key.</summary>
internal sealed record FrontMatterMap(IReadOnlyList<FrontMatterEntry> Entries, int Line, int Column) : FrontMatterNode(Line, Column)
{
    public bool TryGet(string key, out FrontMatterNode value)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                value = entry.Value;
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>The value of a key known to be there.</summary>
    public FrontMatterNode this[string key] => TryGet(key, out var value) ? value : throw new KeyNotFoundException(key);
}

internal sealed record FrontMatterEntry(FrontMatterText Key, FrontMatterNode Value);
