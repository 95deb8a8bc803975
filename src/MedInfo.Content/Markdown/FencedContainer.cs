using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Markdown;

/// <summary>
/// A block of letter content between <c>::: word Title</c> and <c>:::</c> (a study card, a warning or note box).
/// Its first child is the title from the opening line; the rest is ordinary content, tables included.
/// </summary>
public abstract class FencedContainerBlock(BlockParser parser) : ContainerBlock(parser), IHasSourceProblems, IOwnFenceBlock
{
    public bool ClosedByFence { get; set; }

    public List<SourceProblem> Problems { get; } = [];

    IReadOnlyList<SourceProblem> IHasSourceProblems.Problems => Problems;

    public FenceTitleBlock Title => (FenceTitleBlock)this[0];

    /// <summary>What an editor calls it, for messages: "study card", "warning box".</summary>
    public abstract string Name { get; }
}

/// <summary>The title on the opening line, parsed as inline text so it can cite.</summary>
public sealed class FenceTitleBlock : LeafBlock
{
    public FenceTitleBlock()
        : base(null) => ProcessInlines = true;
}

/// <summary>
/// Reads a <see cref="FencedContainerBlock"/>: opens at <c>::: word</c>, refuses one inside another of its kind
/// (a pasted run of opening lines must not nest thousands deep), closes at the first <c>:::</c> that no table or
/// box inside it is waiting for.
/// </summary>
public abstract class FencedContainerParser<TBlock> : BlockParser
    where TBlock : FencedContainerBlock
{
    protected FencedContainerParser() => OpeningCharacters = [':'];

    /// <summary>The words that may follow ':::' to open this block.</summary>
    protected abstract IEnumerable<string> Words { get; }

    /// <summary>Said once, at the first opening line found inside a block of the same kind.</summary>
    protected abstract string NestedMessage { get; }

    protected abstract TBlock Create(string word);

    /// <summary>Checks the title as written (a study card needs one; a box may go without).</summary>
    protected virtual void CheckTitle(TBlock block, StringSlice title)
    {
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var line = processor.Line;
        foreach (var word in Words)
        {
            var titleStart = Fence.ArgumentStart(line, word);
            if (titleStart < 0)
            {
                continue;
            }

            if (Enclosing(processor.CurrentContainer) is { } outer)
            {
                if (!outer.Problems.Any(p => p.Message.StartsWith(NestedMessage, StringComparison.Ordinal)))
                {
                    outer.Problems.Add(new SourceProblem(processor.LineIndex, processor.Column, NestedMessage));
                }

                return BlockState.None;
            }

            var block = Create(word);
            block.Line = processor.LineIndex;
            block.Column = processor.Column;
            block.Span = new SourceSpan(line.Start, line.End);
            var title = new FenceTitleBlock { Line = processor.LineIndex, Column = processor.Column + (titleStart - line.Start) };
            var titleText = new StringSlice(line.Text, titleStart, line.End);
            titleText.TrimEnd();
            title.AppendLine(ref titleText, title.Column, processor.LineIndex, processor.CurrentLineStartPosition, processor.TrackTrivia);
            block.Add(title);
            CheckTitle(block, titleText);
            processor.NewBlocks.Push(block);
            return BlockState.ContinueDiscard;
        }

        return BlockState.None;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var container = (TBlock)block;

        // A ":::" while a table or box inside is still being read closes that, not this block.
        if (!processor.IsCodeIndent && Fence.ClosesContainer(processor.Line, container))
        {
            container.ClosedByFence = true;
            block.UpdateSpanEnd(processor.Line.End);
            return BlockState.BreakDiscard;
        }

        processor.GoToColumn(processor.ColumnBeforeIndent);
        return BlockState.Continue;
    }

    public override bool Close(BlockProcessor processor, Block block)
    {
        var container = (TBlock)block;
        if (!container.ClosedByFence)
        {
            container.Problems.Add(new SourceProblem(container.Line, container.Column, $"This {container.Name} is never closed. Add a line with only ':::' after its last line."));
        }

        return true;
    }

    private static TBlock? Enclosing(ContainerBlock? container)
    {
        for (var c = container; c is not null; c = c.Parent)
        {
            if (c is TBlock found)
            {
                return found;
            }
        }

        return null;
    }
}
