using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.References;

/// <summary>A definition renders nothing in place; <see cref="ReferenceNumbering"/> builds the numbered list.</summary>
public sealed class ReferenceDefinitionModelRenderer : Markdig.Renderers.MarkdownObjectRenderer<LetterModelRenderer, ReferenceDefinitionBlock>
{
    protected override void Write(LetterModelRenderer renderer, ReferenceDefinitionBlock obj)
    {
    }
}
