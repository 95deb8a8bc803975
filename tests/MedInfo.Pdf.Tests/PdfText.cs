using System.Text;
using System.Text.RegularExpressions;

namespace MedInfo.Pdf.Tests;

/// <summary>Reading what a PDF holds, for assertions: normalised text and the outline's titles.</summary>
public static partial class PdfText
{
    /// <summary>Whitespace (line breaks, non-breaking spaces) folded to single spaces.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text.Replace('\u00a0', ' '), " ").Trim();

    /// <summary>The bookmark titles: outline items are the objects with a /Parent and a /Title (Chromium writes them uncompressed).</summary>
    public static IReadOnlyList<string> OutlineTitles(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        return OutlineItem().Matches(raw).Select(m => Unescape(m.Groups[1].Value)).ToList();
    }

    /// <summary>The named destinations that the document's links jump to ("ref-1", "table-x", ...).</summary>
    public static IReadOnlyList<string> InternalLinkTargets(byte[] pdf) =>
        InternalLink().Matches(Encoding.Latin1.GetString(pdf)).Select(m => m.Groups[1].Value).ToList();

    private static string Unescape(string literal) => Regex.Replace(literal, @"\\(.)", "$1");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<</Title \(((?:[^\\)]|\\.)*)\)[^>]*?/Parent")]
    private static partial Regex OutlineItem();

    [GeneratedRegex(@"/Subtype /Link[^>]*?/Dest /([^\s/>\[]+)")]
    private static partial Regex InternalLink();
}
