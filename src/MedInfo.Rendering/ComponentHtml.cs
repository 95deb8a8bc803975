using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedInfo.Rendering;

/// <summary>
/// Renders a component to an HTML string with Blazor's HtmlRenderer, outside any page: what a PDF prints, and the
/// part of a letter's page that is rendered once per version and kept. Each render gets its own service scope: the
/// renderer resolves scoped services, which a singleton must not take from the root provider.
/// </summary>
public sealed class ComponentHtml(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary())).ConfigureAwait(false);
            return output.ToHtmlString();
        }).ConfigureAwait(false);
    }
}
