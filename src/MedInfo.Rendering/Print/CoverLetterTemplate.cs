using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using MedInfo.Letters;

namespace MedInfo.Rendering.Print;

/// <summary>
/// The cover letter of a response package: an editable Markdown file (content/templates/cover-letter.md) with
/// {{placeholders}} filled from the HCP request. Values are escaped as Markdown text before the page is parsed,
/// and raw HTML is off, so nothing a request contains can become markup.
/// </summary>
public sealed partial class CoverLetterTemplate
{
    public const string RelativePath = "templates/cover-letter.md";

    /// <summary>Every placeholder a template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        ["today", "request_number", "date_received", "hcp_name", "credentials", "institution", "contact", "question"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private readonly string source;

    private CoverLetterTemplate(string source) => this.source = source;

    /// <summary>Reads a template; an unknown placeholder is an error with its line, as for letters.</summary>
    public static CoverLetterTemplate Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in PlaceholderPattern().Matches(lines[i]))
            {
                if (!Placeholders.Contains(match.Groups[1].Value))
                {
                    throw new FormatException(
                        $"{path}:{i + 1}:{match.Index + 1}: error: Unknown placeholder {{{{{match.Groups[1].Value}}}}}. Use one of: {string.Join(", ", Placeholders.Select(p => "{{" + p + "}}"))}.");
                }
            }
        }

        return new CoverLetterTemplate(text);
    }

    /// <summary>The filled-in cover letter as HTML (a fragment, no raw HTML from the template or the request).</summary>
    public string Render(HcpRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["today"] = Date(today),
            ["request_number"] = request.RequestNumber,
            ["date_received"] = Date(request.DateReceived),
            ["hcp_name"] = request.HcpName,
            ["credentials"] = request.Credentials,
            ["institution"] = request.Institution,
            ["contact"] = request.Contact,
            ["question"] = request.Question,
        };
        var filled = PlaceholderPattern().Replace(source, m => EscapeMarkdown(values[m.Groups[1].Value]));
        return Markdig.Markdown.ToHtml(filled, Pipeline);
    }

    private static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>Backslash-escapes every ASCII punctuation character; line breaks become hard breaks.</summary>
    private static string EscapeMarkdown(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var c in value.ReplaceLineEndings("\n"))
        {
            if (c == '\n')
            {
                builder.Append("\\\n");
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 127 || char.IsControl(c))
            {
                builder.Append(char.IsControl(c) ? ' ' : c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex PlaceholderPattern();
}
