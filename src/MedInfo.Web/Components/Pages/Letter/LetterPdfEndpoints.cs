using System.Security.Claims;
using MedInfo.Letters;
using MedInfo.Pdf;
using MedInfo.Store.Reading;
using MedInfo.Web.Components.Pages.History;
using MedInfo.Web.Components.Pages.Hcp;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedInfo.Web.Components.Pages.Letter;

/// <summary>
/// "Download PDF" on a letter page: the letter's current (or a numbered) version as a PDF, recorded in the audit
/// trail for staff and counted for readers. Rate-limited per client, because each new version costs a Chromium print.
/// </summary>
internal static class LetterPdfEndpoints
{
    /// <summary>The address of a letter's PDF: its current version, or the numbered one.</summary>
    public static string Url(string id, int? version = null) =>
        version is { } number ? $"/letters/{id}/versions/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}/pdf" : $"/letters/{id}/pdf";

    /// <summary>The rate-limit policy of letter PDFs (its budget is the portal's setting).</summary>
    public const string RateLimit = "pdf";

    public static IEndpointRouteBuilder MapLetterPdfEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/letters/{id}/pdf", (string id, HttpContext http, PdfExports exports, LetterCatalog catalog, CancellationToken cancellationToken) =>
                ExportAsync(id, null, http, exports, catalog, cancellationToken))
            .RequireRateLimiting(RateLimit);
        routes.MapGet("/letters/{id}/versions/{number:int}/pdf", (string id, int number, HttpContext http, PdfExports exports, LetterCatalog catalog, CancellationToken cancellationToken) =>
                ExportAsync(id, number, http, exports, catalog, cancellationToken))
            .RequireRateLimiting(RateLimit);
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, RedirectHttpResult>> ExportAsync(string id, int? number, HttpContext http, PdfExports exports, LetterCatalog catalog, CancellationToken cancellationToken)
    {
        if (!LetterId.IsWellFormed(id))
        {
            return TypedResults.NotFound(); // no letter has such an id; never echoed back into a redirect
        }

        // Staff downloads are exports on the audit trail; a reader's are counted (PdfExports says why). A missing or
        // busy PDF engine is a problem the portal answers in one place (503, with Retry-After when busy).
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.Name) is { } user)
        {
            var export = await exports.ExportLetterAsync(id, number, user, "web", cancellationToken);
            return export is null ? TypedResults.NotFound() : TypedResults.File(export.Content, "application/pdf", export.FileName);
        }

        var download = await exports.DownloadForReaderAsync(HcpGate.ReaderOf(http), id, number, cancellationToken);
        if (download is null)
        {
            // A letter for healthcare professionals asks for the HCP notice on its page; anything else is not there.
            return await catalog.IsForOthersAsync(HcpGate.ReaderOf(http), id, number, cancellationToken)
                ? TypedResults.Redirect(number is { } n ? VersionPage.Url(id, n) : LetterPage.Url(id))
                : TypedResults.NotFound();
        }

        return TypedResults.File(download.Content, "application/pdf", download.FileName);
    }
}
