using System.Net;
using Markdig.Renderers;
using Markdig.Syntax.Inlines;
using MedInfo.Letters;

namespace MedInfo.Content.Markdown;

internal sealed class LiteralModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, LiteralInline>
{
    protected override void Write(LetterModelRenderer renderer, LiteralInline obj)
    {
        var text = obj.Content.AsSpan();
        if (LooksLikeUnfinishedMarker(text))
        {
            renderer.Context.Diagnostics.Error(obj, UnfinishedMarker);
        }

        renderer.EmitText(text);
    }

    private static bool LooksLikeUnfinishedMarker(ReadOnlySpan<char> text) =>
        text.Contains("[@", StringComparison.Ordinal) || text.Contains("[^", StringComparison.Ordinal);

    public const string UnfinishedMarker = "This looks like a citation or footnote marker that is not complete: write [@key], [@key1; @key2] or [^a].";
}

internal sealed class EmphasisModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, EmphasisInline>
{
    protected override void Write(LetterModelRenderer renderer, EmphasisInline obj)
    {
        var kind = (obj.DelimiterChar, obj.DelimiterCount) switch
        {
            ('^', _) => EmphasisKind.Superscript,
            ('~', 1) => EmphasisKind.Subscript,
            (_, 2) => EmphasisKind.Strong,
            _ => EmphasisKind.Italic,
        };
        renderer.Emit(new Emphasis(kind, renderer.RenderInlines(obj)));
    }
}

internal sealed class LinkModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, LinkInline>
{
    protected override void Write(LetterModelRenderer renderer, LinkInline obj)
    {
        if (obj.IsImage)
        {
            renderer.Context.Diagnostics.Error(obj, "An image is shown in a figure, with its caption: '::: figure id', then ![alt text](file.png), the caption, and ':::'.");
            return;
        }

        var content = renderer.RenderInlines(obj);
        if (obj.IsAutoLink && !SafeUrl.IsAllowed(obj.Url))
        {
            // A bare address the editor did not mark as a link (ftp://, tel:): it stays the text it was, scheme and all.
            renderer.Emit(new TextRun(obj.Url ?? string.Empty));
            return;
        }

        if (!SafeUrl.IsAllowed(obj.Url))
        {
            renderer.Context.Diagnostics.Error(obj, $"Links may only go to web pages (https://...) or email addresses (mailto:...); '{obj.Url}' is refused.");
            foreach (var inline in content)
            {
                renderer.Emit(inline);
            }

            return;
        }

        renderer.Emit(new Hyperlink(obj.Url!, content));
    }
}

internal sealed class AutolinkModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, AutolinkInline>
{
    protected override void Write(LetterModelRenderer renderer, AutolinkInline obj)
    {
        var url = obj.IsEmail ? "mailto:" + obj.Url : obj.Url;
        if (!SafeUrl.IsAllowed(url))
        {
            renderer.Context.Diagnostics.Error(obj, $"Links may only go to web pages (https://...) or email addresses; '{obj.Url}' is refused.");
            renderer.Emit(new TextRun(obj.Url));
            return;
        }

        renderer.Emit(new Hyperlink(url, [new TextRun(obj.Url)]));
    }
}

internal sealed class LineBreakModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, LineBreakInline>
{
    // A soft line break is only where the editor wrapped the line: it reads as a space.
    protected override void Write(LetterModelRenderer renderer, LineBreakInline obj) =>
        renderer.Emit(obj.IsHard ? new LineBreak() : new TextRun(" "));
}

internal sealed class CodeInlineModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, CodeInline>
{
    protected override void Write(LetterModelRenderer renderer, CodeInline obj) => renderer.Emit(new TextRun(obj.Content));
}

internal sealed class HtmlEntityModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, HtmlEntityInline>
{
    protected override void Write(LetterModelRenderer renderer, HtmlEntityInline obj) =>
        renderer.Emit(new TextRun(WebUtility.HtmlDecode(obj.Transcoded.ToString())));
}

/// <summary>A delimiter left unmatched (a lone '[' or '*') is text as written.</summary>
internal sealed class DelimiterModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, DelimiterInline>
{
    protected override void Write(LetterModelRenderer renderer, DelimiterInline obj)
    {
        // An unmatched '[' keeps what follows as its children: "[@key" without its ']' arrives here.
        if (obj.FirstChild is LiteralInline { Content: { Length: > 0 } next } && next[next.Start] is '@' or '^')
        {
            renderer.Context.Diagnostics.Error(obj, LiteralModelRenderer.UnfinishedMarker);
        }

        renderer.Emit(new TextRun(obj.ToLiteral()));
        renderer.WriteChildren(obj);
    }
}

internal sealed class UnsupportedInlineModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, Inline>
{
    protected override void Write(LetterModelRenderer renderer, Inline obj)
    {
        if (obj is HtmlInline)
        {
            renderer.Context.Diagnostics.Error(obj, "Raw HTML is not allowed in letters. Use Markdown: **bold**, *italic*, ^superscript^, ~subscript~.");
        }
        else if (obj is ContainerInline container)
        {
            renderer.WriteChildren(container);
        }
    }
}

internal static class SafeUrl
{
    public static bool IsAllowed(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);
}
