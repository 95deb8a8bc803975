using System.Globalization;
using MedInfo.Store.Audit;

namespace MedInfo.Web.Components.Pages.Staff;

/// <summary>The export list's query string as a store query; text that is not a date or a known kind is ignored.</summary>
internal static class ExportFilters
{
    public static ExportQuery Query(string? text, string? from, string? to, string? kind) => new(
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 200)],
        ParseDate(from),
        ParseDate(to),
        kind is NewExport.LetterKind or NewExport.PackageKind ? kind : null);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
