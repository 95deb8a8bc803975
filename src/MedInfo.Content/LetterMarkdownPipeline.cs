using Markdig;
using Markdig.Extensions.EmphasisExtras;
using MedInfo.Content.Extensions.Callouts;
using MedInfo.Content.Extensions.Citations;
using MedInfo.Content.Extensions.CrossReferences;
using MedInfo.Content.Extensions.DataTables;
using MedInfo.Content.Extensions.Figures;
using MedInfo.Content.Extensions.References;
using MedInfo.Content.Extensions.StudyCards;

namespace MedInfo.Content;

/// <summary>
/// The Markdown dialect letters are written in: CommonMark, YAML front matter, ^superscript^ and ~subscript~,
/// bare web addresses as links (https, and www. as https), and our extensions. Built once; a pipeline is safe to share between threads.
/// </summary>
public static class LetterMarkdownPipeline
{
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseEmphasisExtras(EmphasisExtraOptions.Superscript | EmphasisExtraOptions.Subscript)
        .UsePreciseSourceLocation()
        .UseAutoLinks(new Markdig.Extensions.AutoLinks.AutoLinkOptions { UseHttpsForWWWLinks = true })
        .Use<CitationExtension>()
        .Use<ReferenceExtension>()
        .Use<StudyCardExtension>()
        .Use<CalloutExtension>()
        .Use<FigureExtension>()
        .Use<DataTableExtension>()
        .Use<CrossReferenceExtension>()
        .Build();
}
