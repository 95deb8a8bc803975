using System.Globalization;
using MedInfo.Store.Reading;
using MedInfo.Web.Components.Pages.Editing;
using MedInfo.Web.Components.Pages.Hcp;
using MedInfo.Web.Components.Pages.Letter;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace MedInfo.Web.Components.Pages;

/// <summary>
/// The pages readers meet most are rendered once per state of what they show and then served from the output
/// cache. Before such a page renders, its stamp becomes the ETag (a matching If-None-Match gets 304) and part of the
/// output cache key, so a new import can never serve a stale page, and an import leaves the pages it did not change
/// cached:
/// <list type="bullet">
/// <item>a letter's page: by the hash of its current version (immutable, so kept long);</item>
/// <item>the home page and a product's page, for a reader who has confirmed being a healthcare professional: by
/// the listing stamp (which letters are published, in which versions), kept briefly, since the lists it is
/// rendered from are themselves kept a moment. Other readers get the HCP question, a form: never cached.</item>
/// </list>
/// </summary>
internal static class ReaderPageCaching
{
    public const string Policy = "reader-page";
    private const string StampItem = "medinfo-page-stamp";
    private const string ListingItem = "medinfo-listing-page";

    public static string? StampOf(HttpContext context) => context.Items[StampItem] as string;

    /// <summary>The output cache with the reader-page policy, and compression for the pages it keeps.</summary>
    public static IServiceCollection AddReaderPageCaching(this IServiceCollection services)
    {
        services.AddSingleton<PageFileStore>();
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<PageFileStore>());
        services.AddOutputCache(cache => cache.AddPolicy(Policy, new ReaderPageOutputCachePolicy()));
        // Each page is compressed once and then served from the cache: worth the better ratio of the optimal level.
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.AddResponseCompression(compression =>
        {
            // Only the stamped pages are compressed (UseReaderPageCompression): they reflect nothing a request
            // sends and carry no secret, so compressing them over HTTPS gives BREACH nothing to work with.
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        return services;
    }

    /// <summary>
    /// Compresses the stamped pages for readers whose browsers accept it. Placed after the output cache, so the cache
    /// keeps each page compressed (by the reader's Accept-Encoding): a page of tens of kilobytes is kept in a few,
    /// and served from the page cache (<see cref="PageFileStore"/>) without compressing it again.
    /// </summary>
    public static IApplicationBuilder UseReaderPageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => StampOf(context) is not null, pages => pages.UseResponseCompression());

    public static bool IsListing(HttpContext context) => context.Items.ContainsKey(ListingItem);

    public static IApplicationBuilder UseReaderPageCacheHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var letterId = HttpMethods.IsGet(context.Request.Method) ? LetterId(path) : null;
        var stamp = letterId is not null ? await LetterStampAsync(context, letterId)
            : HttpMethods.IsGet(context.Request.Method) && IsListingPath(path) ? await ListingStampAsync(context)
            : null;
        if (stamp is null)
        {
            await next(context);
            return;
        }

        // While an editor works (Development), each import also changes every page: its banner of mistakes.
        var page = context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? $"{stamp.Value.Page}-{context.RequestServices.GetRequiredService<ContentImportStatus>().Generation.ToString(CultureInfo.InvariantCulture)}"
            : stamp.Value.Page;
        var etag = new EntityTagHeaderValue($"\"{page}\"");
        context.Items[StampItem] = page;
        if (letterId is null)
        {
            context.Items[ListingItem] = true;
        }

        context.Response.Headers.ETag = etag.ToString();
        if (stamp.Value.LastModified is { } modified)
        {
            context.Response.Headers.LastModified = new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc)).ToString("R", CultureInfo.InvariantCulture);
        }

        var reads = context.RequestServices.GetRequiredService<LetterViewCounter>();
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(etag.Tag.ToString(), StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            if (letterId is not null)
            {
                reads.Count(letterId); // read again from the reader's own copy
            }

            return;
        }

        // Registered before the page's own callbacks, so it runs after them (they run last-in, first-out):
        // Blazor mints an antiforgery cookie (and no-store) at response start on every page of an app with
        // interactive render modes. These pages have no form for this reader, so it is dropped, which lets
        // browsers revalidate with the ETag and the output cache store the page.
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
        if (letterId is not null && context.Response.StatusCode == StatusCodes.Status200OK)
        {
            reads.Count(letterId); // served, rendered or from the output cache
        }
    });

    /// <summary>No stamp for a letter this reader may not read: its page is the HCP notice, a form, never cached.</summary>
    private static async Task<(string Page, DateTime? LastModified)?> LetterStampAsync(HttpContext context, string letterId)
    {
        var version = await context.RequestServices.GetRequiredService<LetterCatalog>().GetCurrentStampAsync(HcpGate.ReaderOf(context), letterId, context.RequestAborted);
        return version is null ? null : (version.ContentHash[..32], version.ImportedAtUtc);
    }

    private static async Task<(string Page, DateTime? LastModified)?> ListingStampAsync(HttpContext context)
    {
        var reader = HcpGate.ReaderOf(context);
        if (reader != MedInfo.Letters.Readership.HealthcareProfessional)
        {
            return null;
        }

        var listing = await context.RequestServices.GetRequiredService<LetterCatalog>().GetListingStampAsync(reader, context.RequestAborted);
        return ("listing-" + listing, null);
    }

    /// <summary>The id in /letters/{id}; nothing for the history or version pages.</summary>
    private static string? LetterId(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["letters", var id] ? id : null;
    }

    /// <summary>The home page and /products/{slug}.</summary>
    private static bool IsListingPath(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is [] or ["products", _];
    }
}

/// <summary>
/// The output cache policy of the pages <see cref="ReaderPageCaching"/> stamps: stored and looked up by their stamp,
/// for readers who get the page without a form only. A response that sets any cookie is never stored.
/// </summary>
internal sealed class ReaderPageOutputCachePolicy : IOutputCachePolicy
{
    private static readonly TimeSpan LetterLifetime = TimeSpan.FromHours(12);

    /// <summary>A listing is rendered from lists kept for a moment; a short life bounds how long one could lag.</summary>
    private static readonly TimeSpan ListingLifetime = TimeSpan.FromSeconds(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && ReaderPageCaching.StampOf(http) is not null;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = ReaderPageCaching.IsListing(http) ? ListingLifetime : LetterLifetime;
        context.CacheVaryByRules.VaryByValues["stamp"] = ReaderPageCaching.StampOf(http) ?? "none";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding; // kept compressed, one copy per encoding asked
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
