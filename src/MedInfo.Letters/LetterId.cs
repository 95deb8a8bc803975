using System.Text.RegularExpressions;

namespace MedInfo.Letters;

/// <summary>A letter's id: lowercase letters, digits and single hyphens ("darzalex-poems-syndrome"), its web address name.</summary>
public static partial class LetterId
{
    /// <summary>The longest id a letter may have.</summary>
    public const int MaxLength = 100;

    public static bool IsWellFormed(string? id) => id is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
