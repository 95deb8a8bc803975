using Markdig.Parsers;
using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content.Extensions.Callouts;

/// <summary>A boxed warning or a note: <c>::: warning Title</c> (or <c>::: note Title</c>), its content, and a closing <c>:::</c>.</summary>
public sealed class CalloutBlock(BlockParser parser, CalloutKind kind) : FencedContainerBlock(parser)
{
    public CalloutKind Kind { get; } = kind;

    public override string Name => $"{Kind.ToString().ToLowerInvariant()} box";
}
