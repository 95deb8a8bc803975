using MedInfo.Content.Diagnostics;

using MedInfo.Letters;

namespace MedInfo.Content.Markdown;

/// <summary>What the renderer needs to know about the whole letter while it renders one node.</summary>
public sealed class LetterRenderContext(
    DiagnosticList diagnostics, IReadOnlyDictionary<string, int> citationNumbers, IReadOnlySet<string> tableIds,
    IReadOnlySet<string>? figureIds = null, IFigureFiles? figureFiles = null)
{
    private readonly HashSet<string> anchors = new(StringComparer.Ordinal);
    private readonly List<FigureFile> figures = [];
    private int figureCount;

    /// <summary>The ids of the letter's figures: what <c>figure:</c> cross-references may point at.</summary>
    public IReadOnlySet<string> FigureIds { get; } = figureIds ?? new HashSet<string>();

    /// <summary>Where figure images are read from: the letter's folder (none when only the text is checked).</summary>
    public IFigureFiles? FigureFiles { get; } = figureFiles;

    /// <summary>The images the letter's figures show, in reading order.</summary>
    public IReadOnlyList<FigureFile> Figures => figures;

    public int NextFigureNumber() => ++figureCount;

    public void AddFigureFile(FigureFile file) => figures.Add(file);

    public DiagnosticList Diagnostics { get; } = diagnostics;

    /// <summary>Reference number by key, in order of first citation.</summary>
    public IReadOnlyDictionary<string, int> CitationNumbers { get; } = citationNumbers;

    public IReadOnlySet<string> TableIds { get; } = tableIds;

    /// <summary>A unique anchor made from a heading or title: "Study Design/Methods" becomes "study-design-methods".</summary>
    public string NewAnchor(string text, string prefix = "")
    {
        var slug = prefix + Slug.Make(text);
        var anchor = slug;
        for (var n = 2; !anchors.Add(anchor); n++)
        {
            anchor = $"{slug}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        return anchor;
    }
}
