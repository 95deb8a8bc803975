using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MedInfo.Pdf;

/// <summary>
/// The PDF's document information (title, author, subject, keywords). Chromium writes only the title, so this
/// appends an incremental update, the PDF format's own way to amend a file: a new Info dictionary, one xref entry
/// and a trailer pointing back at Chromium's. Nothing Chromium wrote is changed.
/// </summary>
public sealed partial record DocumentInfo(string Title, string Author, string Subject, IReadOnlyList<string> Keywords)
{
    public byte[] ApplyTo(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 2048), Math.Min(2048, pdf.Length));
        var trailer = TrailerPattern().Matches(tail) is { Count: > 0 } trailers ? trailers[^1] : null;
        var startXref = StartXrefPattern().Matches(tail) is { Count: > 0 } starts ? starts[^1] : null;
        if (trailer is null || startXref is null)
        {
            // Not the classic xref layout Chromium writes; leave the file as it is rather than damage it.
            return pdf;
        }

        var dictionary = trailer.Groups[1].Value;
        var size = int.Parse(SizePattern().Match(dictionary).Groups[1].Value, CultureInfo.InvariantCulture);
        var root = RootPattern().Match(dictionary).Groups[1].Value;
        var id = IdPattern().Match(dictionary) is { Success: true } idMatch ? "/ID " + idMatch.Groups[1].Value + "\n" : string.Empty;
        var previousXref = startXref.Groups[1].Value;

        var update = new StringBuilder();
        var objectOffset = pdf.Length + 1;
        update.Append('\n')
            .Append(CultureInfo.InvariantCulture, $"{size} 0 obj\n<</Title {Text(Title)}\n/Author {Text(Author)}\n/Subject {Text(Subject)}\n")
            .Append(CultureInfo.InvariantCulture, $"/Keywords {Text(string.Join(", ", Keywords))}\n/Creator {Text("MedInfo")}\n/Producer {Text("Chromium (Skia/PDF) via MedInfo")}>>\nendobj\n");
        var xrefOffset = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
        update.Append(CultureInfo.InvariantCulture, $"xref\n{size} 1\n{objectOffset:D10} 00000 n \n")
            .Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size + 1}\n/Root {root}\n/Info {size} 0 R\n{id}/Prev {previousXref}>>\n")
            .Append(CultureInfo.InvariantCulture, $"startxref\n{xrefOffset}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    /// <summary>A PDF text string: UTF-16BE with its byte order mark, in hex, so any character survives.</summary>
    private static string Text(string value)
    {
        var builder = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(value))
        {
            builder.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.Append('>').ToString();
    }

    [GeneratedRegex(@"trailer\s*<<(.*?)>>\s*startxref", RegexOptions.Singleline)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"/Root\s+(\d+\s+\d+\s+R)")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"/ID\s*(\[[^\]]*\])")]
    private static partial Regex IdPattern();
}
