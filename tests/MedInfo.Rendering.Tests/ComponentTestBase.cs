using Bunit;
using MedInfo.Content.Tests;
using MedInfo.Letters;
using MedInfo.Rendering.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Rendering.Tests;

/// <summary>bUnit tests of the letter's components, rendered from the seed letter.</summary>
public abstract class ComponentTestBase : BunitContext
{
    protected static readonly Lazy<Letter> SeedLetter = new(() => TestLetters.ReadValid(File.ReadAllText(RepositoryPaths.SeedMarkdown)));

    /// <summary>The page the letter parts are rendered on: in-page links name it.</summary>
    protected const string PagePath = "/letters/test-letter";

    protected ComponentTestBase() => Services.AddSingleton(TimeProvider.System);

    protected static Letter Seed => SeedLetter.Value;

    /// <summary>The text a reader and a screen reader get: without parts marked aria-hidden (citation popovers).</summary>
    protected static string ReadText(AngleSharp.Dom.IElement element)
    {
        var copy = (AngleSharp.Dom.IElement)element.Clone(deep: true);
        foreach (var hidden in copy.QuerySelectorAll("[aria-hidden=true]").ToList())
        {
            hidden.Remove();
        }

        return copy.TextContent;
    }

    /// <summary>Renders a letter part inside the cascading state the letter view provides.</summary>
    protected IRenderedComponent<TComponent> RenderInLetter<TComponent>(Letter letter, Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : IComponent
    {
        var state = new LetterRenderState(letter, PagePath);
        return Render<CascadingValue<LetterRenderState>>(p => p
            .Add(c => c.Value, state)
            .Add(c => c.IsFixed, true)
            .AddChildContent<TComponent>(parameters))
            .FindComponent<TComponent>();
    }
}
