using System.Net;
using Microsoft.Playwright;

namespace MedInfo.Pdf;

/// <summary>
/// What every page of a PDF carries above and below the text: Chromium's header and footer templates, which are
/// separate little documents (inline styles only; pageNumber and totalPages are filled in by Chromium).
/// </summary>
public sealed record PageFrame(string Header, string FooterLeft)
{
    private const string Style = "font-family: 'Liberation Sans', Arial, sans-serif; font-size: 7.5pt; color: #333; width: 100%; padding: 0 16mm;";

    public string HeaderTemplate =>
        $"<div style=\"{Style} border-bottom: 0.5pt solid #999; padding-bottom: 2mm;\">{WebUtility.HtmlEncode(Header)}</div>";

    public string FooterTemplate =>
        $"<div style=\"{Style} display: flex; justify-content: space-between; gap: 8mm;\"><span>{WebUtility.HtmlEncode(FooterLeft)}</span>" +
        "<span style=\"white-space: nowrap;\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>";

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
