namespace MedInfo.Store.Entities;

/// <summary>
/// The part of a page that is built from one letter version alone, rendered to HTML once and kept for every later
/// reader on every portal: a version never changes, and rendering its component tree is the costly part of a page.
/// Kept per build (<see cref="Renderer"/>): a build with other components renders the page again.
/// </summary>
public sealed class StoredRendering
{
    public int LetterVersionId { get; set; }

    /// <summary>Which page the HTML is part of (a letter's page and a past version's page link differently).</summary>
    public required string Page { get; set; }

    /// <summary>The build of the components that rendered it.</summary>
    public required string Renderer { get; set; }

    public required string Html { get; set; }
}
