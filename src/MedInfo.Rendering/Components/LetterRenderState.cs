using MedInfo.Letters;

namespace MedInfo.Rendering.Components;

/// <summary>
/// What every part of a letter page needs to know about the whole letter: its references and where each
/// citation stands, so a citation can show its reference and a reference can link back to its citations.
/// </summary>
public sealed class LetterRenderState
{
    private readonly Dictionary<Citation, string> citationIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, List<string>> citedAt = [];

    /// <param name="letter">The letter on the page.</param>
    /// <param name="pagePath">The page's own path and query: the layout's &lt;base href="/"&gt; would send a bare
    /// "#ref-1" to the home page, so every in-page link names its page.</param>
    public LetterRenderState(MedInfo.Letters.Letter letter, string pagePath)
    {
        Letter = letter;
        PagePath = pagePath;
        References = letter.References.ToDictionary(r => r.Number);
        var count = 0;
        foreach (var citation in LetterWalker.Inlines(letter).OfType<Citation>())
        {
            var id = $"cite-{++count}";
            citationIds[citation] = id;
            foreach (var number in citation.Numbers)
            {
                if (!citedAt.TryGetValue(number, out var list))
                {
                    citedAt[number] = list = [];
                }

                list.Add(id);
            }
        }
    }

    public MedInfo.Letters.Letter Letter { get; }

    public IReadOnlyDictionary<int, Reference> References { get; }

    public string PagePath { get; }

    /// <summary>Rendered for print (the PDF): portal-only links are left out.</summary>
    public bool Print { get; init; }

    /// <summary>
    /// Where each figure's image is loaded from: the portal's address on a page; the bytes themselves (a data: URI)
    /// in a PDF, whose print page fetches nothing. None: the alt text stands in for the image.
    /// </summary>
    public Func<FigureImage, string?>? FigureSource { get; init; }

    /// <summary>
    /// Put before every id of this letter. Empty on a letter page; in a response package each letter has its own
    /// ("l2-"), so the second letter's citation 1 leads to its own reference 1.
    /// </summary>
    public string IdPrefix { get; init; } = string.Empty;

    /// <summary>The id of an element of this letter ("ref-1", or "l2-ref-1" in a package).</summary>
    public string Id(string anchor) => IdPrefix + anchor;

    /// <summary>A link to an anchor on this page ("/letters/x#ref-1").</summary>
    public string Link(string anchor) => $"{PagePath}#{Id(anchor)}";

    /// <summary>The anchor of one citation on the page ("cite-3"), for the reference list's links back.</summary>
    public string? IdOf(Citation citation) => citationIds.GetValueOrDefault(citation);

    /// <summary>Anchors of every citation of a reference, in reading order.</summary>
    public IReadOnlyList<string> CitedAt(int referenceNumber) => citedAt.GetValueOrDefault(referenceNumber) ?? [];
}
