using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MedInfo.Rendering.Print;

/// <summary>
/// A reply staff write where no letter fits: Markdown without raw HTML (it is shown as text), and links only to
/// web or mail addresses; an image or any other link keeps its words and loses its target, so a reply can neither
/// run script in a viewer nor make Chromium fetch anything while it prints.
/// </summary>
public static class CustomReply
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsWebOrMail(link.Url))
            {
                link.ReplaceBy(new LiteralInline(LinkText(link)));
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsWebOrMail(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto";

    private static string LinkText(ContainerInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
