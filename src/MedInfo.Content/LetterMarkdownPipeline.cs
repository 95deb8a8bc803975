using System.Buffers;
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
    public static MarkdownPipeline Instance { get; } = Build(bareAddresses: true);

    /// <summary>
    /// The same dialect for a text in which no bare address can start. Looking for one stops the parser at every
    /// h, f, m, t and w of the text, about a third of a letter's parse; a text without any of the ways an address
    /// starts parses to the same tree without it.
    /// </summary>
    private static MarkdownPipeline WithoutBareAddresses { get; } = Build(bareAddresses: false);

    /// <summary>What every bare address the parser recognises contains at its start (http://, https://, ftp://, www., mailto:, tel:), in any case.</summary>
    private static readonly SearchValues<string> BareAddressStarts = SearchValues.Create(["://", "www.", "mailto:", "tel:"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The pipeline to parse <paramref name="text"/> with: the whole dialect, or the same without bare addresses when it has none.</summary>
    public static MarkdownPipeline For(string text) => text.AsSpan().ContainsAny(BareAddressStarts) ? Instance : WithoutBareAddresses;

    private static MarkdownPipeline Build(bool bareAddresses)
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UseEmphasisExtras(EmphasisExtraOptions.Superscript | EmphasisExtraOptions.Subscript)
            .UsePreciseSourceLocation();
        if (bareAddresses)
        {
            builder.UseAutoLinks(new Markdig.Extensions.AutoLinks.AutoLinkOptions { UseHttpsForWWWLinks = true });
        }

        return builder
            .Use<CitationExtension>()
            .Use<ReferenceExtension>()
            .Use<StudyCardExtension>()
            .Use<CalloutExtension>()
            .Use<FigureExtension>()
            .Use<DataTableExtension>()
            .Use<CrossReferenceExtension>()
            .Build();
    }
}
