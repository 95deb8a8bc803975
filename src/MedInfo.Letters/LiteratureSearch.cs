using System.Globalization;

namespace MedInfo.Letters;

/// <summary>The dated statement of which databases were searched, printed before the references.</summary>
public sealed record LiteratureSearch(DateOnly Date, IReadOnlyList<string> Databases)
{
    public string Statement =>
        $"A literature search of {JoinDatabases(Databases)} (and/or other resources, including internal/external databases) " +
        $"was conducted on {Date.ToString("d'\u00a0'MMMM'\u00a0'yyyy", CultureInfo.InvariantCulture)}.";

    // The date keeps together on one line (non-breaking spaces), as letters print it.
    // "A, B, and C" as the letters print it (serial comma); "A and B" for two.
    private static string JoinDatabases(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "the literature",
        1 => names[0],
        2 => $"{names[0]} and {names[1]}",
        _ => string.Join(", ", names.Take(names.Count - 1)) + ", and " + names[^1],
    };
}
