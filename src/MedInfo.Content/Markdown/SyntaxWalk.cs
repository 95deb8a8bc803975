using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MedInfo.Content.Markdown;

/// <summary>Every node of a Markdig document in reading order: blocks, then the inlines inside each.</summary>
internal static class SyntaxWalk
{
    /// <summary>
    /// Pre-order with an explicit stack: nested iterators would hand each node up through every level above it,
    /// which made the walk a large part of reading a letter with deep tables and cards.
    /// </summary>
    public static IEnumerable<MarkdownObject> InOrder(MarkdownObject root)
    {
        var pending = new Stack<MarkdownObject>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;

            // Children are pushed last first, so they come off the stack in reading order.
            switch (node)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        pending.Push(container[i]);
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push(inline);
                    break;
                case ContainerInline containerInline:
                    for (var child = containerInline.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }
}
