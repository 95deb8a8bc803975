using Markdig.Renderers;
using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content.Extensions.Citations;

/// <summary>Turns the keys of a citation into the reference numbers the letter prints.</summary>
public sealed class CitationModelRenderer : MarkdownObjectRenderer<LetterModelRenderer, CitationInline>
{
    protected override void Write(LetterModelRenderer renderer, CitationInline obj)
    {
        var numbers = new List<int>();
        foreach (var key in obj.Keys)
        {
            if (renderer.Context.CitationNumbers.TryGetValue(key, out var number))
            {
                numbers.Add(number);
            }
            else
            {
                renderer.Context.Diagnostics.Error(obj, $"Citation [@{key}] has no reference. Add a line '[@{key}]: Author A, ... Journal. Year;...' under References, or correct the key.");
            }
        }

        if (numbers.Count > 0)
        {
            renderer.Emit(new Citation(numbers.Distinct().Order().ToList()));
        }
    }
}
