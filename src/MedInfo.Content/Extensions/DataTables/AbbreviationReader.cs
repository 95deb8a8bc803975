using MedInfo.Letters;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>
/// Reads "Abbreviations: ECOG, Eastern Cooperative Oncology Group; Ig, immunoglobulin" into term/expansion pairs,
/// so the page can explain each term where it occurs in the table.
/// </summary>
internal static class AbbreviationReader
{
    public static IReadOnlyList<Abbreviation> Read(string text)
    {
        var body = text.StartsWith("Abbreviations:", StringComparison.Ordinal) ? text["Abbreviations:".Length..] : text;
        var entries = new List<Abbreviation>();
        foreach (var part in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var comma = part.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0)
            {
                continue;
            }

            var term = part[..comma].Trim();
            var expansion = part[(comma + 1)..].Trim().TrimEnd('.');
            if (term.Length > 0 && expansion.Length > 0)
            {
                entries.Add(new Abbreviation(term, expansion));
            }
        }

        return entries;
    }
}
