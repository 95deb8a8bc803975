using Markdig.Parsers;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.StudyCards;

/// <summary>A study card: <c>::: study Dima et al (2023)[@dima2023]</c>, its content, and a closing <c>:::</c>.</summary>
public sealed class StudyCardBlock(BlockParser parser) : FencedContainerBlock(parser)
{
    public override string Name => "study card";
}
