using System.Net;
using Microsoft.Playwright;

namespace MedInfo.Pdf;

/// <summary>
/// What every page of a PDF carries above and below the text: Chromium's header and footer templates, which are
/// separate little documents (inline styles only; pageNumber and totalPages are filled in by Chromium). The footer
/// has two lines by design, each kept to one line: a long text is cut with an ellipsis at its end, never wrapped
/// over the page's text, so put what matters most first.
/// </summary>
public sealed record PageFrame(string Header, string FooterFirstLine, string FooterSecondLine = "")
{
    private const string Style = "font-family: 'Liberation Sans', Arial, sans-serif; font-size: 7.5pt; color: #333; width: 100%; padding: 0 16mm;";

    private const string OneLine = "white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0;";

    public string HeaderTemplate =>
        $"<div style=\"{Style} {OneLine} border-bottom: 0.5pt solid #999; padding-bottom: 2mm;\">{WebUtility.HtmlEncode(Header)}</div>";

    public string FooterTemplate =>
        $"<div style=\"{Style}\"><div style=\"{OneLine}\">{WebUtility.HtmlEncode(FooterFirstLine)}</div>" +
        $"<div style=\"display: flex; gap: 8mm;\"><span style=\"flex: 1 1 auto; {OneLine}\">{WebUtility.HtmlEncode(FooterSecondLine)}</span>" +
        "<span style=\"white-space: nowrap;\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div></div>";

    /// <summary>Chromium's print options for a MedInfo document: US Letter, this frame, tagged, with an outline.</summary>
    public PagePdfOptions ToPdfOptions() => new()
    {
        Format = "Letter",
        PrintBackground = true,
        DisplayHeaderFooter = true,
        HeaderTemplate = HeaderTemplate,
        FooterTemplate = FooterTemplate,
        Margin = new Margin { Top = "22mm", Bottom = "20mm", Left = "16mm", Right = "16mm" },
        Tagged = true,
        Outline = true,
    };
}
