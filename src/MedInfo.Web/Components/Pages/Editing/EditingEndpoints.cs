namespace MedInfo.Web.Components.Pages.Editing;

/// <summary>
/// Development only: the import generation, which js/editing.js asks for every second so an open page reloads
/// after each import (a good edit shows, a mistake shows in the banner).
/// </summary>
internal static class EditingEndpoints
{
    public const string GenerationUrl = "/_editing/generation";

    public static IEndpointRouteBuilder MapEditingEndpoints(this IEndpointRouteBuilder routes, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            routes.MapGet(GenerationUrl, (ContentImportStatus status, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Text(status.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
            });
        }

        return routes;
    }
}
