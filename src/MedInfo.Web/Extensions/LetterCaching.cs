using System.Globalization;
using MedInfo.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace MedInfo.Web.Extensions;

/// <summary>
/// Letter pages are cached by letter version: before the page renders, the current version's hash becomes the
/// ETag (a matching If-None-Match gets 304) and the output cache key, so a new import can never serve a stale
/// letter and an unchanged one is rendered once.
/// </summary>
internal static class LetterCaching
{
    public const string Policy = "letter";
    public const string Tag = "letters";
    public const string HcpCookie = Components.Pages.Hcp.HcpNotice.CookieName;
    private const string VersionItem = "medinfo-letter-version";

    public static KeyValuePair<string, string> VersionKey(HttpContext context) =>
        new("v", (context.Items[VersionItem] as string ?? "none") + "|" + (context.Request.Cookies.ContainsKey(HcpCookie) ? "hcp" : "gate"));

    public static IApplicationBuilder UseLetterCacheHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && LetterId(context.Request.Path) is { } id)
        {
            var factory = context.RequestServices.GetRequiredService<IDbContextFactory<MedInfoDb>>();
            await using var db = await factory.CreateDbContextAsync(context.RequestAborted);
            var version = await db.Letters.AsNoTracking()
                .Where(l => l.Id == id && !l.IsRetired && l.CurrentVersion!.Status == "published")
                .Select(l => new { l.CurrentVersion!.ContentHash, l.CurrentVersion.ImportedAtUtc })
                .FirstOrDefaultAsync(context.RequestAborted);
            if (version is not null && context.Request.Cookies.ContainsKey(HcpCookie))
            {
                var etag = new EntityTagHeaderValue($"\"{version.ContentHash[..32]}\"");
                context.Items[VersionItem] = version.ContentHash;
                context.Response.Headers.ETag = etag.ToString();
                context.Response.Headers.LastModified = new DateTimeOffset(DateTime.SpecifyKind(version.ImportedAtUtc, DateTimeKind.Utc)).ToString("R", CultureInfo.InvariantCulture);
                context.Response.Headers.CacheControl = "private, no-cache";
                if (context.Request.Headers.IfNoneMatch.ToString().Contains(etag.Tag.ToString(), StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }
        }

        await next(context);
    });

    /// <summary>The id in /letters/{id}, and nothing for the letter's history or version pages.</summary>
    private static string? LetterId(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["letters", var id] ? id : null;
    }
}
