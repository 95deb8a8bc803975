using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using MedInfo.Content.Diagnostics;
using MedInfo.Content.Extensions.DataTables;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.StudyCards;

public sealed class StudyCardParser : BlockParser
{
    private const string NestedCardMessage = "Study cards cannot be nested. Close the first card with ':::' before opening the next.";

    public StudyCardParser() => OpeningCharacters = [':'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var line = processor.Line;
        var titleStart = Fence.ArgumentStart(line, "study");
        if (titleStart < 0)
        {
            return BlockState.None;
        }

        // A card inside a card is an error, and is not opened: a pasted run of thousands of '::: study' lines
        // would otherwise nest thousands deep, and Markdig's cost grows with the depth on every line.
        if (EnclosingStudyCard(processor.CurrentContainer) is { } outer)
        {
            if (!outer.Problems.Any(p => p.Message.StartsWith(NestedCardMessage, StringComparison.Ordinal)))
            {
                outer.Problems.Add(new SourceProblem(processor.LineIndex, processor.Column, NestedCardMessage));
            }

            return BlockState.None;
        }

        var card = new StudyCardBlock(this)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),
        };

        var title = new StudyCardTitleBlock { Line = processor.LineIndex, Column = processor.Column + (titleStart - line.Start) };
        var titleText = new StringSlice(line.Text, titleStart, line.End);
        titleText.TrimEnd();
        title.AppendLine(ref titleText, title.Column, processor.LineIndex, processor.CurrentLineStartPosition, processor.TrackTrivia);
        card.Add(title);
        if (titleText.IsEmpty)
        {
            card.Problems.Add(new SourceProblem(card.Line, card.Column, "A study card needs a title: '::: study Author et al (Year)[@key]'."));
        }

        processor.NewBlocks.Push(card);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var card = (StudyCardBlock)block;

        // A ":::" while a table inside the card is still being read closes the table, not the card. (A table that
        // has closed is no longer a DataTableSourceBlock: its parser replaced it with the built table.)
        if (!processor.IsCodeIndent && Fence.IsClosing(processor.Line) && card.LastChild is not DataTableSourceBlock)
        {
            card.ClosedByFence = true;
            block.UpdateSpanEnd(processor.Line.End);
            return BlockState.BreakDiscard;
        }

        processor.GoToColumn(processor.ColumnBeforeIndent);
        return BlockState.Continue;
    }

    public override bool Close(BlockProcessor processor, Block block)
    {
        var card = (StudyCardBlock)block;
        if (!card.ClosedByFence)
        {
            card.Problems.Add(new SourceProblem(card.Line, card.Column, "This study card is never closed. Add a line with only ':::' after its last line."));
        }

        return true;
    }

    private static StudyCardBlock? EnclosingStudyCard(ContainerBlock? container)
    {
        for (var c = container; c is not null; c = c.Parent)
        {
            if (c is StudyCardBlock card)
            {
                return card;
            }
        }

        return null;
    }
}
