using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.Figures;

/// <summary>A figure: <c>::: figure id</c>, the image line <c>![alt text](file.png)</c>, its caption, and <c>:::</c>.</summary>
public sealed class FigureBlock(BlockParser parser) : FencedContainerBlock(parser)
{
    public override string Name => "figure";

    /// <summary>The id written after '::: figure' (checked when the figure is built).</summary>
    public string Id => Title.Inline is { } inline
        ? string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim()
        : string.Empty;
}

public sealed class FigureParser : FencedContainerParser<FigureBlock>
{
    protected override IEnumerable<string> Words { get; } = ["figure"];

    protected override string NestedMessage => "A figure cannot hold another figure. Close the first with ':::' before opening the next.";

    protected override FigureBlock Create(string word) => new(this);
}
