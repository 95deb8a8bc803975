namespace MedInfo.Web;

/// <summary>The portal's settings (section "MedInfo"). Folders default to the repository's data/ and content/.</summary>
public sealed class PortalOptions
{
    public const string Section = "MedInfo";

    /// <summary>Where medinfo.db lives. MEDINFO_DATA_DIR wins over this.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The content folder imported on first start (and watched in Development).</summary>
    public string? ContentDirectory { get; set; }

    /// <summary>The region whose healthcare professionals the portal serves; named in the HCP notice.</summary>
    public string Region { get; set; } = "US";

    /// <summary>Requests one client address may make, per window, before it is answered 429.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>Per-client request budgets (section "MedInfo:RateLimits").</summary>
public sealed class RateLimitOptions
{
    /// <summary>Searches per minute.</summary>
    public int SearchesPerMinute { get; set; } = 120;

    /// <summary>Search-as-you-type queries per minute (over the circuit, counted apart from GET /search).</summary>
    public int SuggestionsPerMinute { get; set; } = 120;

    /// <summary>PDF exports per minute (each new version costs a Chromium print).</summary>
    public int PdfExportsPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts per five minutes (lockout guards one account; this guards many).</summary>
    public int SignInsPerFiveMinutes { get; set; } = 10;
}
