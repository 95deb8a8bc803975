using MedInfo.Letters;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedInfo.Rendering.Print;

/// <summary>
/// Renders the print documents to HTML strings with Blazor's HtmlRenderer: the same components as the letter page,
/// outside any HTTP request, so the portal and the command line print alike. Each render gets its own service
/// scope: the renderer resolves scoped services, which a singleton must not take from the root provider.
/// </summary>
public sealed class PrintRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
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
        where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters)).ConfigureAwait(false);
            return output.ToHtmlString();
        }).ConfigureAwait(false);
        return "<!DOCTYPE html>\n" + html;
    }
}
