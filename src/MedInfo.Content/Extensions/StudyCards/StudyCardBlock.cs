using Markdig.Parsers;
using Markdig.Syntax;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Extensions.StudyCards;

/// <summary>
/// A study card: <c>::: study Dima et al (2023)[@dima2023]</c>, its content, and a closing <c>:::</c>.
/// Its first child is the title; the rest is ordinary letter content, tables included.
/// </summary>
public sealed class StudyCardBlock(BlockParser parser) : ContainerBlock(parser), IHasSourceProblems
{
    public bool ClosedByFence { get; set; }

    public List<SourceProblem> Problems { get; } = [];

    IReadOnlyList<SourceProblem> IHasSourceProblems.Problems => Problems;

    public StudyCardTitleBlock Title => (StudyCardTitleBlock)this[0];
}

/// <summary>The title on the opening line, parsed as inline text so it can cite.</summary>
public sealed class StudyCardTitleBlock : LeafBlock
{
    public StudyCardTitleBlock()
        : base(null) => ProcessInlines = true;
}
