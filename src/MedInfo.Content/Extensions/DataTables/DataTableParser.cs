using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using MedInfo.Content.Markdown;

namespace MedInfo.Content.Extensions.DataTables;

/// <summary>
/// Reads <c>::: table id</c> ... <c>:::</c>. The lines are kept as they come; on close they become a
/// <see cref="DataTableBlock"/> (see <see cref="DataTableBuilder"/>) that takes the source block's place.
/// </summary>
public sealed class DataTableParser : BlockParser
{
    public DataTableParser() => OpeningCharacters = [':'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }

        var line = processor.Line;
        var idStart = Fence.ArgumentStart(line, "table");
        if (idStart < 0)
        {
            return BlockState.None;
        }

        var block = new DataTableSourceBlock(this)
        {
            Id = line.Text[idStart..(line.End + 1)].Trim(),
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),

            // An empty table ('::: table id' then ':::') gets no line; Markdig releases the lines of a block
            // removed on close, and fails on a group that was never allocated.
            Lines = new StringLineGroup(8),
        };
        processor.NewBlocks.Push(block);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (!processor.IsCodeIndent && Fence.IsClosing(processor.Line))
        {
            ((DataTableSourceBlock)block).ClosedByFence = true;
            block.UpdateSpanEnd(processor.Line.End);
            return BlockState.BreakDiscard;
        }

        // Keep the line whole, indentation included: the table reads its own lines.
        processor.GoToColumn(processor.ColumnBeforeIndent);
        return BlockState.Continue;
    }

    public override bool Close(BlockProcessor processor, Block block)
    {
        var source = (DataTableSourceBlock)block;
        var table = DataTableBuilder.Build(this, source);
        var parent = source.Parent!;
        parent.Insert(parent.IndexOf(source), table);

        // Returning false removes the raw source block; the built table stands in its place.
        return false;
    }
}
