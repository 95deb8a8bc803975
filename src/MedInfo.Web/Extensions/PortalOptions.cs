namespace MedInfo.Web.Extensions;

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
}
