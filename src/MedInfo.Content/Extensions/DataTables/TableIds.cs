using Markdig.Syntax;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>The ids of a letter's tables, each once: what cross-references may point at.</summary>
internal static class TableIds
{
    public static HashSet<string> Read(List<MarkdownObject> nodes, DiagnosticList diagnostics)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in nodes.OfType<DataTableBlock>())
        {
            if (!ids.Add(table.Id) && table.Id.Length > 0)
            {
                diagnostics.Error(table, $"Two tables have the id '{table.Id}'; each table needs its own.");
            }
        }

        return ids;
    }
}
