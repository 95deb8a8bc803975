using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MedInfo.Content.Diagnostics;
using MedInfo.Content.Extensions.Citations;
using MedInfo.Content.Extensions.CrossReferences;
using MedInfo.Content.Extensions.DataTables;
using MedInfo.Content.Extensions.Figures;
using MedInfo.Content.Extensions.References;
using MedInfo.Content.FrontMatter;
using MedInfo.Content.Markdown;
using MedInfo.Letters;

namespace MedInfo.Content;

/// <summary>The outcome of reading one file: the letter (null when there are errors) and every message for the editor.</summary>
/// <param name="Figures">The images its figures show, in reading order, for the store to keep with the version.</param>
public sealed record LetterReadResult(Letter? Letter, IReadOnlyList<Diagnostic> Diagnostics, int IdLine, IReadOnlyList<FigureFile>? Figures = null)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>Reads one letter file (front matter + Markdown) into the letter model, checking every rule on the way.</summary>
public static class LetterReader
{
    /// <summary>Letters are a few dozen kilobytes; anything this large is a mistake (a pasted binary, a runaway export).</summary>
    public const int MaxFileLength = 1024 * 1024;

    /// <param name="path">The file's name in messages.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="figureFiles">Where its figures' images are read (the letter's folder); without it a figure is an error.</param>
    public static LetterReadResult Read(string path, string text, IFigureFiles? figureFiles = null) =>
        Read(path, text, figureFiles, LetterMarkdownPipeline.For(text));

    /// <summary>Reads with a given pipeline: the tests' way to check that the lighter pipeline reads a text as the whole dialect does.</summary>
    internal static LetterReadResult Read(string path, string text, IFigureFiles? figureFiles, Markdig.MarkdownPipeline pipeline)
    {
        var diagnostics = new DiagnosticList(path);
        if (text.Length > MaxFileLength)
        {
            diagnostics.Error(1, 1, $"This file is {text.Length / 1024} KB; a letter may be at most {MaxFileLength / 1024} KB. Is it the right file?");
            return new LetterReadResult(null, diagnostics.Items, 1);
        }

        if (CharacterCheck.TryFindFirst(text, out var badLine, out var badColumn, out var character))
        {
            diagnostics.Error(badLine, badColumn, $"This file contains a character that is not text ({character}): it may be a binary file, or not saved as UTF-8. Save it as UTF-8 text.");
            return new LetterReadResult(null, diagnostics.Items, 1);
        }

        var yaml = FrontMatterSplitter.Split(text, out var frontMatterClosed);
        if (yaml is null)
        {
            diagnostics.Error(1, 1, "A letter starts with its front matter: a line '---', the letter's details (id, title, products, ...), then another '---'.");
            return new LetterReadResult(null, diagnostics.Items, 1);
        }

        if (!frontMatterClosed)
        {
            diagnostics.Error(1, 1, "The front matter is never closed: add a line '---' after the letter's details.");
            return new LetterReadResult(null, diagnostics.Items, 1);
        }

        var frontMatter = new FrontMatterReader(diagnostics);
        var metadata = frontMatter.Read(yaml);
        try
        {
            var (sections, references, figures) = ReadBody(text, pipeline, diagnostics, figureFiles);
            if (diagnostics.HasErrors || metadata is null)
            {
                return new LetterReadResult(null, diagnostics.Items, frontMatter.IdLine);
            }

            return new LetterReadResult(new Letter(metadata, sections, references), diagnostics.Items, frontMatter.IdLine, figures);
        }
        catch (ArgumentException e) when (MarkdownDepthLimit.IsDepthLimit(e))
        {
            var (deepLine, deepColumn) = MarkdownDepthLimit.MostNestedLine(text, firstBodyLine: yaml.Count(c => c == '\n') + 3);
            diagnostics.Error(deepLine, deepColumn, MarkdownDepthLimit.Message);
            return new LetterReadResult(null, diagnostics.Items, frontMatter.IdLine);
        }
    }

    /// <summary>Parses the Markdown and builds the sections and the numbered references, checking the body's rules.</summary>
    private static (List<LetterSection> Sections, List<Reference> References, IReadOnlyList<FigureFile> Figures) ReadBody(string text, Markdig.MarkdownPipeline pipeline, DiagnosticList diagnostics, IFigureFiles? figureFiles)
    {
        var document = Markdig.Markdown.Parse(text, pipeline);

        // One walk over the syntax tree gathers what the checks below need, in reading order.
        var found = NodesByKind.Gather(document);
        CrossReferenceExtension.ReplaceLinks(found.Links);
        foreach (var node in found.WithProblems)
        {
            foreach (var problem in node.Problems)
            {
                diagnostics.Add(problem);
            }
        }

        var definitions = ReferenceNumbering.ReadDefinitions(found.ReferenceDefinitions, diagnostics);
        var numbers = ReferenceNumbering.NumberCitations(found.Citations, definitions);
        var tableIds = UniqueIds.Read(found.Tables.Select(t => ((MarkdownObject)t, t.Id)), "table", diagnostics);
        var figureIds = UniqueIds.Read(found.Figures.Select(f => ((MarkdownObject)f, f.Id)), "figure", diagnostics);
        var renderer = new LetterModelRenderer(new LetterRenderContext(diagnostics, numbers, tableIds, figureIds, figureFiles));
        pipeline.Setup(renderer);
        var sections = new SectionBuilder(renderer).Build(document);
        var references = ReferenceNumbering.BuildReferenceList(definitions, numbers, diagnostics);
        return (sections, references, renderer.Context.Figures);
    }

    /// <summary>The nodes the checks need, sorted by kind in one walk (a pass over every node for each kind was a
    /// tenth of a letter's read), each kind in reading order.</summary>
    private sealed class NodesByKind
    {
        public List<IHasSourceProblems> WithProblems { get; } = [];

        public List<LinkInline> Links { get; } = [];

        public List<ReferenceDefinitionBlock> ReferenceDefinitions { get; } = [];

        public List<CitationInline> Citations { get; } = [];

        public List<DataTableBlock> Tables { get; } = [];

        public List<FigureBlock> Figures { get; } = [];

        /// <remarks>
        /// Walks blocks and inlines each their own way, so that most nodes cost one type test: a walk over all of
        /// them as <see cref="MarkdownObject"/> spent most of its time testing types down the class tree. It recurses
        /// as the model's renderer does, within the parser's nesting limit (<see cref="MarkdownDepthLimit"/>).
        /// </remarks>
        public static NodesByKind Gather(MarkdownDocument document)
        {
            var found = new NodesByKind();
            found.AddChildren(document);
            return found;
        }

        private void AddChildren(ContainerBlock container)
        {
            foreach (var block in container)
            {
                if (block is IHasSourceProblems withProblems)
                {
                    WithProblems.Add(withProblems);
                }

                switch (block)
                {
                    case ReferenceDefinitionBlock definition:
                        ReferenceDefinitions.Add(definition);
                        break;
                    case DataTableBlock table:
                        Tables.Add(table);
                        break;
                    case FigureBlock figure:
                        Figures.Add(figure);
                        break;
                }

                if (block is ContainerBlock inner)
                {
                    AddChildren(inner);
                }
                else if (block is LeafBlock { Inline: { } inline })
                {
                    AddInlines(inline);
                }
            }
        }

        private void AddInlines(ContainerInline container)
        {
            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                // Most inlines are runs of text, tested by their exact type alone.
                if (inline.GetType() == typeof(LiteralInline))
                {
                    continue;
                }

                if (inline is CitationInline citation)
                {
                    Citations.Add(citation);
                }
                else if (inline is LinkInline link)
                {
                    Links.Add(link);
                }

                if (inline is ContainerInline inner)
                {
                    AddInlines(inner);
                }
            }
        }
    }

    /// <summary>Splits the body at its '##' headings into the letter's sections.</summary>
    private sealed class SectionBuilder(LetterModelRenderer renderer)
    {
        private readonly List<LetterSection> sections = [];
        private DiagnosticList Diagnostics => renderer.Context.Diagnostics;

        public List<LetterSection> Build(MarkdownDocument document)
        {
            HeadingBlock? heading = null;
            var blocks = new List<Block>();
            var reportedLooseText = false;
            foreach (var block in document)
            {
                if (block is YamlFrontMatterBlock)
                {
                    continue;
                }

                if (block is HeadingBlock { Level: <= 2 } next)
                {
                    Flush(heading, blocks);
                    if (next.Level == 1)
                    {
                        Diagnostics.Error(next, "The letter's title comes from the front matter ('title:'); start each section with '##'.");
                    }

                    heading = next;
                    blocks = [];
                    continue;
                }

                if (heading is null && block is not ReferenceDefinitionBlock && !reportedLooseText)
                {
                    Diagnostics.Error(block, "Text must sit under a section heading; start the letter with '## Summary'.");
                    reportedLooseText = true;
                }

                blocks.Add(block);
            }

            Flush(heading, blocks);
            if (sections.All(s => s.Kind != SectionKind.Summary))
            {
                Diagnostics.Warning(1, 1, "This letter has no '## Summary' section.");
            }

            return sections;
        }

        private void Flush(HeadingBlock? heading, List<Block> blocks)
        {
            if (heading is null)
            {
                return;
            }

            var title = LetterPlainText.Text(renderer.RenderInlines(heading.Inline));
            switch (Normalize(title))
            {
                case "references":
                    foreach (var stray in blocks.Where(b => b is not ReferenceDefinitionBlock).Take(1))
                    {
                        Diagnostics.Error(stray, "Only reference entries ('[@key]: ...') belong under References.");
                    }

                    return;
                case "literature search":
                    Diagnostics.Error(heading, "The literature search statement is written from the front matter ('literature-search:' with date and databases); remove this section.");
                    return;
            }

            var kind = Normalize(title) switch
            {
                "summary" => SectionKind.Summary,
                "product labeling" or "labeling" or "product labelling" => SectionKind.Labeling,
                "clinical data" => SectionKind.ClinicalData,
                _ => SectionKind.Other,
            };
            sections.Add(new LetterSection(renderer.Context.NewAnchor(title), title, kind, renderer.RenderBlocks(blocks)));
        }

        private static string Normalize(string title) => title.Trim().ToLowerInvariant();
    }
}
