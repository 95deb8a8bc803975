using System.Globalization;
using System.Text;

namespace MedInfo.Bench;

/// <summary>One measured path: our figure, the peer's, their ratio, and the goal.</summary>
/// <param name="Path">What was measured.</param>
/// <param name="Ours">Our figure, with its unit.</param>
/// <param name="Peer">The peer's figure ("" where the goal is absolute).</param>
/// <param name="Ratio">ours / peer as the goal states it (time ratio, or throughput ratio).</param>
/// <param name="Goal">The goal in words.</param>
/// <param name="Met">Whether the goal is met.</param>
public sealed record BenchRow(string Path, string Ours, string Peer, string Ratio, string Goal, bool Met);

/// <summary>Collects rows and prints the table (Markdown, so docs/benchmarks.md can hold it as is).</summary>
public sealed class Report
{
    private readonly List<BenchRow> rows = [];

    public IReadOnlyList<BenchRow> Rows => rows;

    public void Add(BenchRow row)
    {
        rows.Add(row);
        Console.WriteLine($"  {row.Path}: {row.Ours} vs {row.Peer} ({row.Ratio}) goal {row.Goal}: {(row.Met ? "met" : "NOT met")}");
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Path | Ours | Peer | Ratio | Goal | Met |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Path} | {r.Ours} | {r.Peer} | {r.Ratio} | {r.Goal} | {(r.Met ? "yes" : "**no**")} |");
        }

        return text.ToString();
    }

    public static string Ms(double milliseconds) => milliseconds < 10
        ? milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms"
        : milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string Number(double value, string unit) => value.ToString("N0", CultureInfo.InvariantCulture) + " " + unit;
}
