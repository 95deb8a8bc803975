using System.ComponentModel.DataAnnotations;

namespace MedInfo.Store.Search;

/// <summary>How a portal keeps its search index (section "MedInfo:Search").</summary>
public sealed class SearchOptions
{
    public const string Section = "MedInfo:Search";

    /// <summary>
    /// How often the index asks the store whether another portal on the same database published or retired letters.
    /// An import in this portal is seen at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the index's files live while the portal runs (rebuilt from the store at every start); a
    /// temporary folder when not set.</summary>
    public string? IndexDirectory { get; set; }
}
