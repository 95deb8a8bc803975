using Bunit;
using MedInfo.Letters;
using MedInfo.Rendering.Components;

namespace MedInfo.Rendering.Tests;

public sealed class InlineTextTests : ComponentTestBase
{
    [Fact]
    public void Formatting_becomes_elements_and_text_from_content_is_never_markup()
    {
        IReadOnlyList<LetterInline> content =
        [
            new TextRun("ORR"), new Emphasis(EmphasisKind.Subscript, [new TextRun("H")]),
            new TextRun(" and 10"), new Emphasis(EmphasisKind.Superscript, [new TextRun("6")]),
            new TextRun(" <script>alert(1)</script> "), new Emphasis(EmphasisKind.Strong, [new TextRun("bold")]),
        ];

        var cut = Render<InlineText>(p => p.Add(c => c.Content, content));

        Assert.Equal("H", cut.Find("sub").TextContent);
        Assert.Equal("6", cut.Find("sup").TextContent);
        Assert.Equal("bold", cut.Find("strong").TextContent);
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("&lt;script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_cross_references_and_footnote_markers_point_where_they_should()
    {
        var table = Seed.Tables.Single(t => t.Id == "dima-responses");
        IReadOnlyList<LetterInline> content =
        [
            new Hyperlink("https://example.org/pi.pdf", [new TextRun("label")]),
            new TableReference("dima-responses", [new TextRun("Table: Responses")]),
            new FootnoteMarker("a"),
        ];

        var cut = Render<InlineText>(p => p.Add(c => c.Content, content).Add(c => c.Table, table));

        var links = cut.FindAll("a");
        Assert.Equal("https://example.org/pi.pdf", links[0].GetAttribute("href"));
        Assert.Equal("noopener noreferrer", links[0].GetAttribute("rel"));
        Assert.Equal("#table-dima-responses", links[1].GetAttribute("href"));
        Assert.Equal("#table-dima-responses-note-a", links[2].GetAttribute("href"));
        Assert.Equal("Note a", links[2].GetAttribute("aria-label"));
    }

    [Fact]
    public void Table_abbreviations_are_explained_where_they_occur_as_whole_words_only()
    {
        var table = Seed.Tables.Single(t => t.Id == "vaxman-baseline");
        IReadOnlyList<LetterInline> content = [new TextRun("IgG, n (%) and ECOG; not IgGx")];

        var cut = Render<InlineText>(p => p.Add(c => c.Content, content).Add(c => c.Table, table));

        var abbrs = cut.FindAll("abbr");
        Assert.Equal(["IgG", "ECOG"], abbrs.Select(a => a.TextContent));
        Assert.Equal("immunoglobulin G", abbrs[0].GetAttribute("title"));
        Assert.Equal("Eastern Cooperative Oncology Group", abbrs[1].GetAttribute("title"));
    }

    [Fact]
    public void A_long_cell_with_many_abbreviations_is_marked_whole_however_busy_the_machine()
    {
        // Marking must not depend on a clock: a large text and many terms once made the per-run pattern exceed its
        // 100 ms timeout (RegexMatchTimeoutException, a 500 on a busy PDF export).
        var seed = Seed.Tables.Single(t => t.Id == "vaxman-baseline");
        var terms = Enumerable.Range(0, 300).Select(i => new Abbreviation($"AB{i:D3}x", $"synthetic term {i}")).ToList();
        var table = seed with { Abbreviations = new AbbreviationList([], terms) };
        var text = string.Join(" ", Enumerable.Range(0, 120_000).Select(i => i % 1000 == 0 ? $"AB{i / 1000 % 300:D3}x" : "word"));

        var cut = Render<InlineText>(p => p.Add(c => c.Content, [new TextRun(text)]).Add(c => c.Table, table));

        Assert.Equal(120, cut.FindAll("abbr").Count);
        Assert.Equal("synthetic term 7", cut.FindAll("abbr")[7].GetAttribute("title"));
    }
}
