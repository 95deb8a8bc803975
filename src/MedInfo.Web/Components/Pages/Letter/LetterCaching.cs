using System.Globalization;
using MedInfo.Store.Reading;
using MedInfo.Web.Components.Pages.Editing;
using MedInfo.Web.Components.Pages.Hcp;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace MedInfo.Web.Components.Pages.Letter;

/// <summary>
/// Letter pages are cached by letter version. Before the page renders, the current version's hash becomes the
/// ETag (a matching If-None-Match gets 304) and part of the output cache key, so a new import can never serve a
/// stale letter and an unchanged one is rendered once.
/// </summary>
internal static class LetterCaching
{
    public const string Policy = "letter";
    public const string Tag = "letters";
    private const string VersionItem = "medinfo-letter-version";

    public static string? VersionOf(HttpContext context) => context.Items[VersionItem] as string;

    public static IApplicationBuilder UseLetterCacheHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && LetterId(context.Request.Path) is { } id)
        {
            // No stamp for a letter this reader may not read: its page is the HCP notice, a form, never cached.
            var version = await context.RequestServices.GetRequiredService<LetterCatalog>().GetCurrentStampAsync(HcpGate.ReaderOf(context), id, context.RequestAborted);
            if (version is not null)
            {
                // While an editor works (Development), each import also changes the page: its banner of mistakes.
                var page = context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment()
                    ? $"{version.ContentHash[..32]}-{context.RequestServices.GetRequiredService<ContentImportStatus>().Generation.ToString(CultureInfo.InvariantCulture)}"
                    : version.ContentHash[..32];
                var etag = new EntityTagHeaderValue($"\"{page}\"");
                context.Items[VersionItem] = page;
                context.Response.Headers.ETag = etag.ToString();
                context.Response.Headers.LastModified = new DateTimeOffset(DateTime.SpecifyKind(version.ImportedAtUtc, DateTimeKind.Utc))
                    .ToString("R", CultureInfo.InvariantCulture);
                var reads = context.RequestServices.GetRequiredService<LetterViewCounter>();
                if (context.Request.Headers.IfNoneMatch.ToString().Contains(etag.Tag.ToString(), StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    reads.Count(id); // read again from the reader's own copy
                    return;
                }


                // Registered before the page's own callbacks, so it runs after them (they run last-in, first-out):
                // Blazor mints an antiforgery cookie (and no-store) at response start on every page of an app with
                // interactive render modes. A confirmed reader's letter page has no form, so it is dropped, which
                // lets browsers revalidate with the ETag and the output cache store the page.
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    var kept = headers.SetCookie.Where(c => c is not null && !c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToArray();
                    headers.SetCookie = kept;
                    headers.Remove(HeaderNames.Pragma);
                    headers.CacheControl = "private, no-cache";
                    return Task.CompletedTask;
                });

                await next(context);
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    reads.Count(id); // served, rendered or from the output cache
                }

                return;
            }
        }

        await next(context);
    });

    /// <summary>The id in /letters/{id}; nothing for the history or version pages.</summary>
    private static string? LetterId(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["letters", var id] ? id : null;
    }
}

/// <summary>
/// The output cache policy of letter pages: stored and looked up by letter version, for readers the letter is
/// written for only (anyone shown the HCP notice instead gets a form, and is never cached). A response that sets any cookie is
/// never stored.
/// </summary>
internal sealed class LetterOutputCachePolicy : IOutputCachePolicy
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && LetterCaching.VersionOf(http) is not null;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(LetterCaching.Tag);
        context.CacheVaryByRules.VaryByValues["version"] = LetterCaching.VersionOf(http) ?? "none";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Called once the response has gone out: only decide whether to keep it.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
