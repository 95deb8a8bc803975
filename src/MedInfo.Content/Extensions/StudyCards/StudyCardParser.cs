using Markdig.Helpers;
using MedInfo.Content.Diagnostics;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.StudyCards;

public sealed class StudyCardParser : FencedContainerParser<StudyCardBlock>
{
    protected override IEnumerable<string> Words { get; } = ["study"];

    protected override string NestedMessage => "Study cards cannot be nested. Close the first card with ':::' before opening the next.";

    protected override StudyCardBlock Create(string word) => new(this);

    protected override void CheckTitle(StudyCardBlock block, StringSlice title)
    {
        if (title.IsEmpty)
        {
            block.Problems.Add(new SourceProblem(block.Line, block.Column, "A study card needs a title: '::: study Author et al (Year)[@key]'."));
        }
    }
}
