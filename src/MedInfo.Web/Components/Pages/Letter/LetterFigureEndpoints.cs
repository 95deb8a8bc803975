using MedInfo.Letters;
using MedInfo.Store.Reading;
using MedInfo.Web.Components.Pages.Hcp;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedInfo.Web.Components.Pages.Letter;

/// <summary>
/// A figure's image on a letter page. Images are named by their content, so an address always gives the same
/// bytes: cached for a year without asking again. Served only to a reader who may read a published version of the
/// letter that shows it (the store's reading rule), privately when the letter is not for everyone.
/// </summary>
internal static class LetterFigureEndpoints
{
    public static string Url(string letterId, FigureImage image) =>
        $"/letters/{letterId}/figures/{image.Sha256}{(image.MediaType == "image/png" ? ".png" : ".jpg")}";

    public static IEndpointRouteBuilder MapLetterFigureEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/letters/{id}/figures/{file}", ServeAsync);
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ServeAsync(string id, string file, HttpContext http, LetterCatalog catalog, CancellationToken cancellationToken)
    {
        var sha = Path.GetFileNameWithoutExtension(file);
        if (!LetterId.IsWellFormed(id) || sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
        {
            return TypedResults.NotFound();
        }

        var image = await catalog.GetFigureAsync(HcpGate.ReaderOf(http), id, sha, cancellationToken);
        if (image is null)
        {
            return TypedResults.NotFound();
        }

        // Public only when the public may read it too: a shared cache must not hand an HCP letter's image to anyone.
        http.Response.Headers.CacheControl = $"{(image.ForEveryone ? "public" : "private")}, max-age=31536000, immutable";
        return TypedResults.File(image.Bytes, image.MediaType);
    }
}
