using System.Security.Cryptography;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content.Extensions.Figures;

/// <summary>
/// Builds a figure: its id, the image line (alt text and file), the caption after it. The file is read and
/// decoded here, so every mistake is reported at its place in the letter.
/// </summary>
public sealed class FigureModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, FigureBlock>
{
    public const int MaxAltTextLength = 1000;

    protected override void Write(LetterModelRenderer renderer, FigureBlock obj)
    {
        var diagnostics = renderer.Context.Diagnostics;
        if (!LetterId.IsWellFormed(obj.Id))
        {
            diagnostics.Error(obj, $"A figure needs an id made of lowercase letters, digits and hyphens after '::: figure' (for example '::: figure okafor-response'){(obj.Id.Length > 0 ? $"; '{obj.Id}' is not one" : string.Empty)}.");
            return;
        }

        var content = obj.Skip(1).ToList();
        if (content.FirstOrDefault(b => b is not ParagraphBlock) is { } other)
        {
            diagnostics.Error(other, "A figure holds its image line and its caption only; put lists, tables and other text outside the figure.");
            return;
        }

        var paragraphs = content.Cast<ParagraphBlock>().ToList();
        if (paragraphs.FirstOrDefault()?.Inline?.FirstChild is not LinkInline { IsImage: true } image)
        {
            diagnostics.Error(obj, "A figure starts with its image on the line after '::: figure id': ![what the image shows, in words](file.png).");
            return;
        }

        var altText = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
        var name = image.Url?.Trim() ?? string.Empty;

        // The image line is the figure's own; the caption is what follows it.
        if (image.NextSibling is LineBreakInline lineBreak)
        {
            lineBreak.Remove();
        }

        image.Remove();
        var caption = new List<LetterInline>();
        foreach (var paragraph in paragraphs)
        {
            var part = renderer.RenderInlines(paragraph.Inline);
            if (part.Count > 0 && caption.Count > 0)
            {
                caption.Add(new TextRun(" "));
            }

            caption.AddRange(part);
        }

        var ok = true;
        if (altText.Length == 0)
        {
            diagnostics.Error(image, "The image needs alt text between the brackets: what it shows, in words, for readers who cannot see it: ![Line chart of ... over 52 weeks](file.png).");
            ok = false;
        }
        else if (altText.Length > MaxAltTextLength)
        {
            diagnostics.Error(image, $"The alt text is {altText.Length} characters; at most {MaxAltTextLength} are allowed. Say what the image shows; details belong in the caption.");
            ok = false;
        }

        if (LetterPlainText.Text(caption).Trim().Length == 0)
        {
            diagnostics.Error(obj, "A figure needs a caption: write it on the line(s) after the image; it may cite.");
            ok = false;
        }

        var picture = name.Length == 0 || name.Contains(':', StringComparison.Ordinal)
            ? Problem(diagnostics, image, $"The image must be a file beside the letter (for example figures/response.png){(name.Length > 0 ? $", not '{name}'" : string.Empty)}.")
            : Load(renderer.Context, image, name);
        if (!ok || picture is null)
        {
            return;
        }

        renderer.Emit(new Figure(obj.Id, renderer.Context.NextFigureNumber(), "figure-" + obj.Id, picture, altText, caption));
    }

    private static FigureImage? Load(LetterRenderContext context, LinkInline at, string name)
    {
        if (context.FigureFiles is not { } files)
        {
            return Problem(context.Diagnostics, at, $"The image '{name}' cannot be read here: figures are read with the letter's folder (check or import the content folder).");
        }

        var read = files.Read(Uri.UnescapeDataString(name));
        if (read.Bytes is null || read.ContentPath is null)
        {
            return Problem(context.Diagnostics, at, read.Problem ?? $"The image '{name}' cannot be read.");
        }

        var (mediaType, width, height, problem) = FigureImageCheck.Check(name, read.Bytes);
        if (mediaType is null)
        {
            return Problem(context.Diagnostics, at, problem!);
        }

        var image = new FigureImage(Convert.ToHexStringLower(SHA256.HashData(read.Bytes)), mediaType, width, height);
        context.AddFigureFile(new FigureFile(read.ContentPath, image, read.Bytes));
        return image;
    }

    private static FigureImage? Problem(Diagnostics.DiagnosticList diagnostics, MarkdownObject at, string message)
    {
        diagnostics.Error(at, message);
        return null;
    }
}
