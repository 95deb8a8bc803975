namespace MedInfo.Web;

/// <summary>The portal's settings (section "MedInfo"). Folders default to the repository's data/ and content/.</summary>
public sealed class PortalOptions
{
    public const string Section = "MedInfo";

    /// <summary>Where medinfo.db lives (MEDINFO_DATA_DIR sets it too).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The content folder imported on first start (and watched in Development).</summary>
    public string? ContentDirectory { get; set; }

    /// <summary>The region whose healthcare professionals the portal serves; named in the HCP notice.</summary>
    public string Region { get; set; } = "US";

    /// <summary>
    /// Disk in the data folder for whole pages readers ask for (letter pages, listings), kept as sent: compressed for
    /// browsers that accept it, so about 10 KB for a letter page of 50 KB (see <c>PageFileStore</c>).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1024 * 1024)]
    public int PageCacheMegabytes { get; set; } = 2048;

    /// <summary>Memory for the pages of the page cache read most recently, served without reading their file.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 64 * 1024)]
    public int PageCacheMemoryMegabytes { get; set; } = 2;

    /// <summary>
    /// Memory for the letter page bodies read most, for pages not in the page cache (each body is rendered once and
    /// kept in the store, whatever this says; the page cache holds every page read recently, so this rarely helps).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 64 * 1024)]
    public int KeptPageBodiesMegabytes { get; set; } = 2;

    /// <summary>Requests one client address may make, per window, before it is answered 429.</summary>
    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The reverse proxies in front of the portal, whose forwarded client address and scheme are believed.</summary>
    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public ProxyOptions Proxy { get; set; } = new();

    /// <summary>Fills the folders not set: content/ and data/ in <paramref name="repository"/>; makes them full paths.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(ContentDirectory), nameof(DataDirectory))]
    public void ApplyDefaults(string repository)
    {
        ContentDirectory = Path.GetFullPath(ContentDirectory ?? Path.Combine(repository, "content"));
        DataDirectory = MedInfo.Store.StoreLocation.DataDirectory(DataDirectory ?? Path.Combine(repository, "data"));
    }
}

/// <summary>Per-client request budgets (section "MedInfo:RateLimits").</summary>
public sealed class RateLimitOptions
{
    /// <summary>Searches per minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int SearchesPerMinute { get; set; } = 120;

    /// <summary>Search-as-you-type queries per minute (over the circuit, counted apart from GET /search).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int SuggestionsPerMinute { get; set; } = 120;

    /// <summary>PDF exports per minute (each new version costs a Chromium print).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int PdfExportsPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts per five minutes (lockout guards one account; this guards many).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int SignInsPerFiveMinutes { get; set; } = 10;

    /// <summary>Questions sent through "Ask a question" per hour (a person asks a few; a flood is a bot).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int QuestionsPerHour { get; set; } = 10;
}

/// <summary>
/// The proxies in front of the portal (section "MedInfo:Proxy"). A request from one of them is taken to come from the
/// client its <c>X-Forwarded-For</c> names, over the scheme its <c>X-Forwarded-Proto</c> names: rate limits, logs,
/// HSTS and secure cookies follow the real reader. From any other address those headers are ignored. With none set,
/// only a proxy on this machine (loopback) is believed.
/// </summary>
public sealed class ProxyOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    /// <summary>Proxy addresses, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new($"MedInfo:Proxy:KnownProxies has '{proxy}', which is not an IP address (e.g. 10.0.0.5).", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new($"MedInfo:Proxy:KnownNetworks has '{network}', which is not a network (e.g. 10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}
