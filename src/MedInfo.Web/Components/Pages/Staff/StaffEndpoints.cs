using System.Text;
using MedInfo.Store.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace MedInfo.Web.Components.Pages.Staff;

/// <summary>The staff endpoints that are files or actions, not pages: a kept PDF, the CSV, sign-out.</summary>
internal static class StaffEndpoints
{
    /// <summary>The address of an export record's PDF, exactly as it was sent.</summary>
    public static string ExportPdfUrl(long id) => $"/staff/exports/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/pdf";

    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/staff").RequireAuthorization(StaffSetup.Policy);

        // The exact bytes that were sent, checked against the hash recorded at the time.
        // A kept PDF that no longer matches its hash is refused (409) by the portal's problem answers.
        staff.MapGet("/exports/{id:long}/pdf", async Task<Results<FileContentHttpResult, NotFound>> (long id, AuditTrail audit, CancellationToken cancellationToken) =>
        {
            var pdf = await audit.GetPdfAsync(id, cancellationToken);
            return pdf is null
                ? TypedResults.NotFound()
                : TypedResults.File(pdf.Content, "application/pdf", $"export-{id}-{pdf.Record.PdfSha256[..12]}.pdf");
        });

        staff.MapGet("/exports.csv", async (string? q, string? from, string? to, string? kind, AuditTrail audit, CancellationToken cancellationToken) =>
        {
            await using var writer = new StringWriter();
            await audit.WriteCsvAsync(writer, ExportFilters.Query(q, from, to, kind), cancellationToken);
            return TypedResults.File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", "medinfo-exports.csv");
        });

        // A POST with the antiforgery token: a link elsewhere cannot sign staff out (or in).
        routes.MapPost("/staff/signout", async Task<Results<BadRequest, RedirectHttpResult>> (HttpContext http, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.BadRequest();
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(StaffSetup.SignInPath);
        }).DisableAntiforgery(); // validated above: the middleware only flags a bad token, it does not refuse it

        return routes;
    }
}
