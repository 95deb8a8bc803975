using System.Text;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MedInfo.Letters;

namespace MedInfo.Content.Markdown;

/// <summary>
/// A Markdig renderer whose output is the letter model instead of HTML. Each syntax node has an object renderer
/// (the core ones here, the rest in each extension's folder) that emits model blocks and inlines.
/// </summary>
public sealed class LetterModelRenderer : RendererBase
{
    private readonly Stack<List<LetterBlock>> blockSinks = new();
    private readonly Stack<InlineSink> inlineSinks = new();

    /// <summary>Text builders of finished sinks, for the next ones: a letter has thousands of runs of inlines (every table cell is one).</summary>
    private readonly Stack<StringBuilder> spareBuilders = new();

    public LetterModelRenderer(LetterRenderContext context)
    {
        Context = context;
        ObjectRenderers.Add(new ParagraphModelRenderer());
        ObjectRenderers.Add(new HeadingModelRenderer());
        ObjectRenderers.Add(new ListModelRenderer());
        ObjectRenderers.Add(new UnsupportedBlockModelRenderer());
        ObjectRenderers.Add(new LiteralModelRenderer());
        ObjectRenderers.Add(new EmphasisModelRenderer());
        ObjectRenderers.Add(new LinkModelRenderer());
        ObjectRenderers.Add(new AutolinkModelRenderer());
        ObjectRenderers.Add(new LineBreakModelRenderer());
        ObjectRenderers.Add(new CodeInlineModelRenderer());
        ObjectRenderers.Add(new HtmlEntityModelRenderer());
        ObjectRenderers.Add(new DelimiterModelRenderer());
        ObjectRenderers.Add(new UnsupportedInlineModelRenderer());
    }

    public LetterRenderContext Context { get; }

    /// <summary>How many levels headings are pushed down: 1 inside a study card, whose title is itself a heading.</summary>
    public int HeadingOffset { get; set; }

    public override object Render(MarkdownObject markdownObject)
    {
        Write(markdownObject);
        return this;
    }

    public IReadOnlyList<LetterBlock> RenderBlocks(IEnumerable<Block> blocks)
    {
        var sink = new List<LetterBlock>();
        blockSinks.Push(sink);
        foreach (var block in blocks)
        {
            Write(block);
        }

        blockSinks.Pop();
        return sink;
    }

    public IReadOnlyList<LetterInline> RenderInlines(ContainerInline? container)
    {
        if (container is null)
        {
            return [];
        }

        var sink = new InlineSink(spareBuilders.Count > 0 ? spareBuilders.Pop() : new StringBuilder());
        inlineSinks.Push(sink);
        WriteChildren(container);
        inlineSinks.Pop();
        var inlines = sink.Finish();
        spareBuilders.Push(sink.Text);
        TrimEnds(inlines);
        return inlines;
    }

    public void Emit(LetterBlock block) => blockSinks.Peek().Add(block);

    /// <summary>Adds an inline; neighbouring text runs are joined, since Markdig splits text at every special character.</summary>
    public void Emit(LetterInline inline) => inlineSinks.Peek().Add(inline);

    /// <summary>Adds text, joined to the text run being collected (no string is made for each piece).</summary>
    public void EmitText(ReadOnlySpan<char> text) => inlineSinks.Peek().AddText(text);

    private static void TrimEnds(List<LetterInline> sink)
    {
        if (sink.Count > 0 && sink[0] is TextRun first)
        {
            sink[0] = new TextRun(first.Text.TrimStart());
        }

        if (sink.Count > 0 && sink[^1] is TextRun last)
        {
            sink[^1] = new TextRun(last.Text.TrimEnd());
        }

        sink.RemoveAll(i => i is TextRun { Text.Length: 0 });
    }

    /// <summary>
    /// Inlines being collected, with the text run still growing kept in a builder: joining strings run by run made a
    /// paragraph of thousands of lines quadratic.
    /// </summary>
    private sealed class InlineSink(StringBuilder text)
    {
        private readonly List<LetterInline> inlines = [];

        /// <summary>The builder, empty once the sink is finished.</summary>
        public StringBuilder Text => text;

        public void Add(LetterInline inline)
        {
            if (inline is TextRun run)
            {
                text.Append(run.Text);
                return;
            }

            FlushText();
            inlines.Add(inline);
        }

        public void AddText(ReadOnlySpan<char> more) => text.Append(more);

        public List<LetterInline> Finish()
        {
            FlushText();
            return inlines;
        }

        private void FlushText()
        {
            if (text.Length > 0)
            {
                inlines.Add(new TextRun(text.ToString()));
                text.Clear();
            }
        }
    }
}
