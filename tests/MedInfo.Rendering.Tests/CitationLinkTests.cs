using Bunit;
using MedInfo.Letters;
using MedInfo.Rendering.Components;

namespace MedInfo.Rendering.Tests;

public sealed class CitationLinkTests : ComponentTestBase
{
    [Fact]
    public void A_list_citation_is_one_superscript_link_per_reference()
    {
        var citation = LetterWalker.Inlines(Seed).OfType<Citation>().First(c => c.Label == "2,3");

        var cut = RenderInLetter<CitationLink>(Seed, p => p.Add(c => c.Citation, citation));

        var links = cut.FindAll("sup.cite > a");
        Assert.Equal([PagePath + "#ref-2", PagePath + "#ref-3"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("2,3", string.Concat(cut.Find("sup.cite").ChildNodes.Where(n => n.NodeName is "A" or "#text").Select(n => n.TextContent)));
        Assert.Equal("ref-2-text", links[0].GetAttribute("aria-describedby"));
        Assert.Equal("Reference 2", links[0].GetAttribute("aria-label"));
    }

    [Fact]
    public void A_range_is_one_link_described_by_every_reference_it_covers()
    {
        var citation = LetterWalker.Inlines(Seed).OfType<Citation>().First(c => c.Label == "4-13");

        var cut = RenderInLetter<CitationLink>(Seed, p => p.Add(c => c.Citation, citation));

        var link = cut.Find("sup.cite > a");
        Assert.Equal("4-13", link.TextContent);
        Assert.Equal(PagePath + "#ref-4", link.GetAttribute("href"));
        Assert.Equal(10, link.GetAttribute("aria-describedby")!.Split(' ').Length);
        Assert.Equal("References 4-13", link.GetAttribute("aria-label"));
    }

    [Fact]
    public void The_popover_holds_the_full_reference_and_is_hidden_from_screen_readers()
    {
        var citation = LetterWalker.Inlines(Seed).OfType<Citation>().First(c => c.Label == "1");

        var cut = RenderInLetter<CitationLink>(Seed, p => p.Add(c => c.Citation, citation));

        var popover = cut.Find(".ref-popover");
        Assert.Equal("true", popover.GetAttribute("aria-hidden"));
        Assert.StartsWith("1. Dima D, Valent J, Khouri J. Daratumumab monotherapy", popover.TextContent, StringComparison.Ordinal);
        Assert.Equal("cite-1", cut.Find("sup.cite").Id);
    }
}
