using MedInfo.Store.Audit;
using MedInfo.Store.Delivery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedInfo.Web.Components.Pages.Responses;

/// <summary>
/// The PDF behind a secure link: exactly the recorded bytes (checked against their hash), counted on the link and
/// on the request. A link that no longer works sends the requester to its page, which says why.
/// </summary>
internal static class ResponseEndpoints
{
    /// <summary>The rate-limit policy of secure-link downloads (the portal's PDF budget).</summary>
    public const string RateLimit = "response";

    public static string PdfUrl(string token) => $"/responses/{Uri.EscapeDataString(token)}/pdf";

    public static IEndpointRouteBuilder MapResponseEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/responses/{token}/pdf", async Task<Results<FileContentHttpResult, RedirectHttpResult>> (
            string token, SecureLinks links, AuditTrail audit, HttpContext http, CancellationToken cancellationToken) =>
        {
            // Never cached or kept by a proxy: the link may be revoked a minute later.
            http.Response.Headers.CacheControl = "no-store";
            if (await links.OpenAsync(token, cancellationToken) is not LinkOpening.Open open
                || await audit.GetPdfAsync(open.ExportRecordId, cancellationToken) is not { } pdf)
            {
                return TypedResults.Redirect(ResponsePage.Url(token));
            }

            await links.CountDownloadAsync(token, cancellationToken);
            return TypedResults.File(pdf.Content, "application/pdf", $"response-{open.RequestNumber}.pdf");
        }).RequireRateLimiting(RateLimit);
        return routes;
    }
}
