using MedInfo.Letters;
using Microsoft.AspNetCore.Components;

namespace MedInfo.Rendering.Print;

/// <summary>
/// Renders the print documents to HTML strings: the same components as the letter page, outside any HTTP request,
/// so the portal and the command line print alike.
/// </summary>
public sealed class PrintRenderer(ComponentHtml html)
{
    /// <param name="letter">The letter to print.</param>
    /// <param name="figures">Its figures' images as data: URIs by SHA-256 (<see cref="FigureSources.DataUri"/>).</param>
    public Task<string> RenderLetterAsync(Letter letter, IReadOnlyDictionary<string, string>? figures = null) =>
        RenderAsync<LetterPrint>(new Dictionary<string, object?> { [nameof(LetterPrint.Letter)] = letter, [nameof(LetterPrint.Figures)] = figures });

    public Task<string> RenderPackageAsync(HcpRequest request, string coverLetterHtml, IReadOnlyList<Letter> letters, string? replyMarkdown = null, IReadOnlyDictionary<string, string>? figures = null) =>
        RenderAsync<PackagePrint>(new Dictionary<string, object?>
        {
            [nameof(PackagePrint.Figures)] = figures,
            [nameof(PackagePrint.Request)] = request,
            [nameof(PackagePrint.CoverLetterHtml)] = coverLetterHtml,
            [nameof(PackagePrint.Letters)] = letters,
            [nameof(PackagePrint.ReplyHtml)] = string.IsNullOrWhiteSpace(replyMarkdown) ? null : CustomReply.ToHtml(replyMarkdown),
        });

    private async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent =>
        "<!DOCTYPE html>\n" + await html.RenderAsync<TComponent>(parameters).ConfigureAwait(false);
}
