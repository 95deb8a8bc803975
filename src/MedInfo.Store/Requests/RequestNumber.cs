using System.Globalization;
using System.Text.RegularExpressions;

namespace MedInfo.Store.Requests;

/// <summary>Request numbers, MIR-2026-000123: the year received and the store-wide sequence (so portals sharing a store never repeat one).</summary>
public static partial class RequestNumber
{
    public static string Format(int year, long sequence) => string.Create(CultureInfo.InvariantCulture, $"MIR-{year}-{sequence:D6}");

    /// <summary>The number in its written form when <paramref name="text"/> is one (any case, spaces around); else null.</summary>
    public static string? Normalize(string? text) =>
        text is not null && Pattern().IsMatch(text.Trim()) ? text.Trim().ToUpperInvariant() : null;

    public static bool IsWellFormed(string? text) => text is not null && Pattern().IsMatch(text) && !text.Any(char.IsLower);

    [GeneratedRegex(@"^MIR-\d{4}-\d{6,}$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
