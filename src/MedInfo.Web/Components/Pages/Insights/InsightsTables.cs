using System.Globalization;
using MedInfo.Store.Insights;

namespace MedInfo.Web.Components.Pages.Insights;

/// <summary>A table of the insights page: what the page shows under a chart and what its CSV download holds.</summary>
public sealed record InsightsTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The insights report as tables: one definition for the page and the CSV downloads.</summary>
internal static class InsightsTables
{
    public static IReadOnlyList<InsightsTable> From(InsightsReport report) =>
    [
        new("requests-per-product-month", "Requests per product per month", ["Month", "Product", "Requests"],
            report.RequestsPerProductMonth.Select(r => Row(r.Month, r.Product, Number(r.Requests))).ToList()),
        new("channels", "Requests by channel", ["Channel", "Requests"], Counts(report.Channels)),
        new("top-searches", $"Top searches, last {Store.Insights.Insights.ReaderDays} days", ["Search", "Times"], Counts(report.TopSearches)),
        new("searches-without-results", $"Searches that found no letter, last {Store.Insights.Insights.ReaderDays} days", ["Search", "Times"], Counts(report.SearchesWithoutResults)),
        new("most-read", $"Letters most read, last {Store.Insights.Insights.ReaderDays} days", ["Letter", "Page views"], Counts(report.MostRead)),
        new("most-downloaded", $"Letters most downloaded by readers, last {Store.Insights.Insights.ReaderDays} days", ["Letter", "Downloads"], Counts(report.MostDownloaded)),
        new("most-exported", $"Letters most sent by staff, last {Store.Insights.Insights.ReaderDays} days", ["Letter", "Exports"], Counts(report.MostExported)),
        new("past-review", "Published letters past their review-by date", ["Letter", "Title", "Review by"],
            report.PastReview.Select(r => Row(r.LetterId, r.Title, r.ReviewBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList()),
    ];

    public static string Csv(InsightsTable table) =>
        string.Join("\r\n", new[] { MedInfo.Store.CsvText.Line(table.Columns) }.Concat(table.Rows.Select(MedInfo.Store.CsvText.Line))) + "\r\n";

    private static List<IReadOnlyList<string>> Counts(IEnumerable<NamedCount> counts) => counts.Select(c => (IReadOnlyList<string>)Row(c.Name, Number(c.Count))).ToList();

    private static string[] Row(params string[] cells) => cells;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
