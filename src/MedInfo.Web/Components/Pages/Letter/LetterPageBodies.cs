using System.Reflection.Metadata;
using System.Security.Cryptography;
using MedInfo.Letters;
using MedInfo.Rendering;
using MedInfo.Store.Reading;
using MedInfo.Web.Components.Pages.History;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Components.Pages.Letter;

/// <summary>What a letter page shows of one version: its title and description, and its body as HTML.</summary>
internal sealed record LetterPageBody(int Number, string Title, string Description, MarkupString Html);

/// <summary>
/// The body of a letter's page and of a past version's page (the letter with its notice, and what follows it) is
/// built from the version alone, and rendering its component tree is most of a page's cost. So it is rendered once
/// per version and build, kept in the store for every later reader and every portal, and placed into the page as
/// it was rendered; the bodies read most are also kept in memory, within a bound. Which version a reader gets, if
/// any, is the catalog's reading rule, asked on every request before a body is looked up.
/// </summary>
internal sealed partial class LetterPageBodies(LetterCatalog catalog, LetterRenderings renderings, ComponentHtml components, IOptions<PortalOptions> options, ILogger<LetterPageBodies> logger) : IDisposable
{
    private const string CurrentPage = "current";
    private const string PastVersionPage = "version";

    /// <summary>
    /// The build of the code that renders a body: deterministic builds give each assembly the same id for the same
    /// code, so portals running one build share what each renders, and a new build renders again.
    /// </summary>
    public static readonly string Renderer = Convert.ToHexString(SHA256.HashData(
        new[] { typeof(LetterPageBodies), typeof(MedInfo.Rendering.Components.LetterView), typeof(MedInfo.Letters.Letter), typeof(LetterCatalog) }
            .SelectMany(t => t.Assembly.ManifestModule.ModuleVersionId.ToByteArray()).ToArray()))[..32];

    /// <summary>Under hot reload the code changes while the build's ids stay: render every time, keep nothing.</summary>
    private static bool Keeps => !MetadataUpdater.IsSupported;

    // By letter, version and page: bodies never change, and a reader only gets here once the catalog has said
    // which version they may read. Sized in characters (two bytes each).
    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = options.Value.KeptPageBodiesMegabytes * 1024L * 1024 / 2 });

    /// <summary>The body of the letter's page (<see cref="LetterPage"/>); null when this reader has no current version of it.</summary>
    public async Task<LetterPageBody?> GetCurrentAsync(Readership reader, string letterId, CancellationToken cancellationToken)
    {
        var current = await catalog.GetCurrentStampAsync(reader, letterId, cancellationToken);
        return current is null ? null : await GetAsync<CurrentLetterBody>(reader, letterId, current.Number, CurrentPage, cancellationToken);
    }

    /// <summary>The body of a past version's page (<see cref="VersionPage"/>); null when this reader may not read that version.</summary>
    public async Task<LetterPageBody?> GetVersionAsync(Readership reader, string letterId, int number, CancellationToken cancellationToken)
    {
        var version = await catalog.GetVersionStampAsync(reader, letterId, number, cancellationToken);
        return version is null ? null : await GetAsync<PastVersionBody>(reader, letterId, number, PastVersionPage, cancellationToken);
    }

    public void Dispose() => kept.Dispose();

    private async Task<LetterPageBody?> GetAsync<TBody>(Readership reader, string letterId, int number, string page, CancellationToken cancellationToken)
        where TBody : IComponent
    {
        var key = (letterId, number, page);
        if (kept.TryGetValue(key, out LetterPageBody? body) && body is not null)
        {
            return body;
        }

        var stored = await catalog.GetVersionRenderingAsync(reader, letterId, number, page, Renderer, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (stored.Html is { } html && Keeps)
        {
            body = Body(stored, html);
        }
        else
        {
            var version = await catalog.GetVersionAsync(reader, letterId, number, cancellationToken);
            if (version is null)
            {
                return null;
            }

            body = await RenderAsync<TBody>(version, page, cancellationToken);
        }

        if (Keeps)
        {
            kept.Set(key, body, new MemoryCacheEntryOptions { Size = body.Html.Value.Length });
        }

        return body;
    }

    private static LetterPageBody Body(VersionRendering kept, string html) =>
        new(kept.Number, kept.Title, DocumentMetadata.SubjectOf(kept.DocumentKind, kept.Title), new MarkupString(html));

    private async Task<LetterPageBody> RenderAsync<TBody>(LetterVersionView version, string page, CancellationToken cancellationToken)
        where TBody : IComponent
    {
        // Both bodies take the version by this name.
        var html = await components.RenderAsync<TBody>(new Dictionary<string, object?> { [nameof(CurrentLetterBody.Version)] = version });
        if (Keeps)
        {
            try
            {
                await renderings.KeepAsync(version.LetterId, version.Number, page, Renderer, html, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The reader still gets the page; the next reader renders it again.
                NotKept(logger, version.LetterId, version.Number, e);
            }
        }

        var metadata = DocumentMetadata.For(version.Letter);
        return new LetterPageBody(version.Number, metadata.Title, metadata.Subject, new MarkupString(html));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rendered page of {LetterId} version {Number} could not be kept in the store.")]
    private static partial void NotKept(ILogger logger, string letterId, int number, Exception exception);
}

/// <summary>
/// Once the portal has started: drops the bodies other builds kept, which this build never reads. Portals of two
/// builds on one store (while a new one rolls out) each render again what the other dropped.
/// </summary>
internal sealed partial class OtherBuildsBodiesCleanup(LetterRenderings renderings, ILogger<OtherBuildsBodiesCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var dropped = await renderings.DropOtherBuildsAsync(LetterPageBodies.Renderer, stoppingToken);
            if (dropped > 0)
            {
                Dropped(logger, dropped);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // They are only never read; the next start tries again.
            Failed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} letter page bodies rendered by other builds.")]
    private static partial void Dropped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping letter page bodies rendered by other builds failed; the next start tries again.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
