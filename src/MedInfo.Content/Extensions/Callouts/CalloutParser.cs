using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content.Extensions.Callouts;

public sealed class CalloutParser : FencedContainerParser<CalloutBlock>
{
    protected override IEnumerable<string> Words { get; } = ["warning", "note"];

    protected override string NestedMessage => "A warning or note box cannot hold another one. Close the first box with ':::' before opening the next.";

    protected override CalloutBlock Create(string word) => new(this, word == "warning" ? CalloutKind.Warning : CalloutKind.Note);
}
