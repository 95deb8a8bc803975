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

    /// <summary>Finished sinks, for the next ones: a letter has thousands of runs of inlines (every table cell is one).</summary>
    private readonly Stack<InlineSink> spareSinks = new();

    /// <summary>Set once the letter has been found nested too deeply, so the place is named once, not at every part below it.</summary>
    private bool reportedTooDeep;

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

    /// <summary>The blocks of a container, such as a list item (indexed: no enumerator made for each of hundreds).</summary>
    public IReadOnlyList<LetterBlock> RenderBlocks(ContainerBlock container)
    {
        if (Depth >= LetterNesting.MaxDepth)
        {
            ReportTooDeep(container);
            return [];
        }

        var sink = new List<LetterBlock>(container.Count);
        blockSinks.Push(sink);
        for (var i = 0; i < container.Count; i++)
        {
            Write(container[i]);
        }

        blockSinks.Pop();
        return sink;
    }

    public IReadOnlyList<LetterBlock> RenderBlocks(IEnumerable<Block> blocks)
    {
        if (Depth >= LetterNesting.MaxDepth && blocks.FirstOrDefault() is { } first)
        {
            ReportTooDeep(first);
            return [];
        }

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

        if (Depth >= LetterNesting.MaxDepth)
        {
            ReportTooDeep(container.FirstChild ?? (MarkdownObject)container);
            return [];
        }

        var sink = spareSinks.Count > 0 ? spareSinks.Pop() : new InlineSink();
        inlineSinks.Push(sink);
        WriteChildren(container);
        inlineSinks.Pop();
        var inlines = sink.Finish();
        spareSinks.Push(sink);
        return inlines;
    }

    /// <summary>The levels open around what is rendered now: the section, cards, list items, text, emphasis, links.</summary>
    private int Depth => blockSinks.Count + inlineSinks.Count;

    /// <summary>Names the first place nested deeper than <see cref="LetterNesting.MaxDepth"/>; what is inside it is left out.</summary>
    private void ReportTooDeep(MarkdownObject at)
    {
        if (!reportedTooDeep)
        {
            reportedTooDeep = true;
            Context.Diagnostics.Error(at, $"This part of the letter is nested too deeply: lists, cards, emphasis and links more than {LetterNesting.MaxDepth} levels inside one another. A letter needs a few; is a '*' or '_' repeated, or a line indented too far?");
        }
    }

    public void Emit(LetterBlock block) => blockSinks.Peek().Add(block);

    /// <summary>Adds an inline; neighbouring text runs are joined, since Markdig splits text at every special character.</summary>
    public void Emit(LetterInline inline) => inlineSinks.Peek().Add(inline);

    /// <summary>Adds text, joined to the text run being collected (no string is made for each piece).</summary>
    public void EmitText(ReadOnlySpan<char> text) => inlineSinks.Peek().AddText(text);

    /// <summary>
    /// Inlines being collected, with the text run still growing kept in a builder: joining strings run by run made a
    /// paragraph of thousands of lines quadratic.
    /// </summary>
    private sealed class InlineSink
    {
        private readonly List<LetterInline> inlines = [];
        private readonly StringBuilder text = new();

        public void Add(LetterInline inline)
        {
            if (inline is TextRun run)
            {
                text.Append(run.Text);
                return;
            }

            FlushText(isLast: false);
            inlines.Add(inline);
        }

        public void AddText(ReadOnlySpan<char> more) => text.Append(more);

        /// <summary>
        /// The inlines collected, exactly as many as there are, with the white space at both ends of the whole taken
        /// off (a run left empty is dropped); the sink is empty again for its next use.
        /// </summary>
        public LetterInline[] Finish()
        {
            FlushText(isLast: true);
            LetterInline[] finished = inlines.Count == 0 ? [] : [.. inlines];
            inlines.Clear();
            return finished;
        }

        private void FlushText(bool isLast)
        {
            if (text.Length == 0)
            {
                return;
            }

            var run = text.ToString();
            text.Clear();
            run = inlines.Count == 0 ? run.TrimStart() : run;
            run = isLast ? run.TrimEnd() : run;
            if (run.Length > 0)
            {
                inlines.Add(new TextRun(run));
            }
        }
    }
}
