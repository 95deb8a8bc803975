using Bunit;
using Microsoft.AspNetCore.Components;
using MedInfo.Letters;
using MedInfo.Rendering.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Rendering.Tests;

public sealed class StudyCardViewTests : ComponentTestBase
{
    [Fact]
    public void A_card_is_a_titled_section_with_its_own_subheadings_and_nested_bullets()
    {
        var cut = RenderInLetter<StudyCardView>(Seed, p => p.Add(c => c.Card, Seed.StudyCards.First()));

        var section = cut.Find("section.study-card");
        Assert.Equal("study-dima-et-al-2023", section.Id);
        Assert.Equal("Dima et al (2023)1", ReadText(cut.Find("h3")));
        Assert.Equal(["Study Design/Methods", "Results"], cut.FindAll("h4").Select(h => h.TextContent));
        Assert.Equal(["Patient Characteristics", "Efficacy", "Safety"], cut.FindAll("h5").Select(h => h.TextContent));
        Assert.StartsWith("One patient discontinued therapy", cut.Find("ul > li > ul > li").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("div.data-table").Count);
    }
}

public sealed class ReferenceListTests : ComponentTestBase
{
    [Fact]
    public void Thirteen_references_in_order_each_linking_back_to_its_citations()
    {
        var cut = RenderInLetter<ReferenceList>(Seed, _ => { });

        var items = cut.FindAll("ol > li");
        Assert.Equal(Enumerable.Range(1, 13).Select(n => $"ref-{n}"), items.Select(li => li.Id));
        Assert.StartsWith("Dima D, Valent J, Khouri J.", cut.Find("#ref-1-text").TextContent, StringComparison.Ordinal);
        var state = new LetterRenderState(Seed, PagePath);
        Assert.Equal(state.CitedAt(1).Select(id => PagePath + "#" + id), items[0].QuerySelectorAll(".backlinks a").Select(a => a.GetAttribute("href")));
        Assert.True(state.CitedAt(1).Count >= 3, "Reference 1 is cited in the summary, the card title and intro, and two table captions.");
    }

    [Fact]
    public void PubMed_and_DOI_links_appear_when_the_content_gives_them()
    {
        var letter = Seed with
        {
            References = [Seed.References[0] with { PubMedId = "12345678", Doi = "10.1000/synthetic" }, .. Seed.References.Skip(1)],
        };

        var cut = RenderInLetter<ReferenceList>(letter, _ => { });

        var first = cut.Find("#ref-1");
        Assert.Equal(["https://pubmed.ncbi.nlm.nih.gov/12345678/", "https://doi.org/10.1000/synthetic"], first.QuerySelectorAll("a.ref-id").Select(a => a.GetAttribute("href")));
        Assert.Empty(cut.Find("#ref-2").QuerySelectorAll("a.ref-id"));
    }

    [Fact]
    public void An_entry_with_a_web_address_links_it_in_place_and_keeps_the_rest_as_written()
    {
        var letter = Seed with
        {
            References = [Seed.References[0] with { Text = "Synthetic Registry. Entry 1. https://registry.example.org/1. Accessed 2025.", Url = "https://registry.example.org/1" }, .. Seed.References.Skip(1)],
        };

        var cut = RenderInLetter<ReferenceList>(letter, _ => { });

        var text = cut.Find("#ref-1-text");
        Assert.Equal("Synthetic Registry. Entry 1. https://registry.example.org/1. Accessed 2025.", text.TextContent);
        Assert.Equal("https://registry.example.org/1", Assert.Single(text.QuerySelectorAll("a")).GetAttribute("href"));
        Assert.Empty(cut.Find("#ref-2-text").QuerySelectorAll("a"));
    }
}

public sealed class LetterHeaderTests : ComponentTestBase
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void The_header_shows_notice_products_kind_title_and_US_dates()
    {
        var cut = Render<LetterHeader>(p => p.Add(c => c.Metadata, Seed.Metadata));

        Assert.StartsWith("This information is intended for US healthcare professionals", cut.Find(".audience-notice").TextContent, StringComparison.Ordinal);
        Assert.Equal(["DARZALEX FASPRO®", "DARZALEX®"], cut.FindAll(".product-name").Select(a => a.TextContent));
        Assert.Equal("Medical Information", cut.Find(".document-kind").TextContent);
        Assert.Equal(Seed.Metadata.Title, cut.Find("h1").TextContent);
        var dates = cut.FindAll("time");
        Assert.Equal(("05/08/2025", "2025-05-08"), (dates[0].TextContent, dates[0].GetAttribute("datetime")));
        Assert.Equal("04/30/2025", dates[1].TextContent);
        Assert.Empty(cut.FindAll(".review-notice"));
    }

    [Fact]
    public void A_letter_past_its_review_date_says_so_and_prescribing_information_is_linked()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
        var metadata = Seed.Metadata with
        {
            ReviewBy = new DateOnly(2026, 5, 8),
            Products = [Seed.Metadata.Products[0] with { PrescribingInformationUrl = "https://example.org/pi.pdf" }],
        };

        var cut = Render<LetterHeader>(p => p.Add(c => c.Metadata, metadata));

        Assert.Contains("due for review on 05/08/2026", cut.Find(".review-notice").TextContent, StringComparison.Ordinal);
        Assert.Equal("https://example.org/pi.pdf", cut.Find("a.pi-link").GetAttribute("href"));
    }
}

public sealed class TableOfContentsTests : ComponentTestBase
{
    [Fact]
    public void Contents_list_sections_study_cards_literature_search_and_references()
    {
        var cut = RenderInLetter<TableOfContents>(Seed, p => p.Add(c => c.Letter, Seed));

        Assert.Equal(
            new[] { "summary", "product-labeling", "clinical-data", "study-dima-et-al-2023", "study-vaxman-et-al-2023", "literature-search", "references" }.Select(a => $"{PagePath}#{a}"),
            cut.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Dima et al (2023)", cut.Find($"a[href='{PagePath}#study-dima-et-al-2023']").TextContent);
    }
}

public sealed class LetterViewTests : ComponentTestBase
{
    [Fact]
    public void Every_citation_and_cross_reference_points_at_something_on_the_page()
    {
        var cut = Render<LetterView>(p => p.Add(c => c.Letter, Seed).Add(c => c.PagePath, PagePath));

        var ids = cut.FindAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var targets = cut.FindAll($"a[href^='{PagePath}#']").Select(a => a.GetAttribute("href")![(PagePath.Length + 1)..]).Distinct().ToList();
        Assert.True(targets.Count > 20, $"only {targets.Count} in-page links");
        Assert.All(targets, t => Assert.Contains(t, ids));
        Assert.Empty(cut.FindAll("a[href^='#']")); // <base href="/"> would send a bare fragment to the home page
        Assert.Equal(4, cut.FindAll("a.table-ref").Count);
        Assert.Contains("was conducted on 30\u00a0April\u00a02025.", cut.Find("#literature-search").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Printed_for_a_PDF_its_links_stay_inside_the_document()
    {
        var cut = Render<LetterView>(p => p.Add(c => c.Letter, Seed).Add(c => c.Print, true));

        var hrefs = cut.FindAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.DoesNotContain(hrefs, h => h.StartsWith('/'));
        Assert.Contains("#ref-1", hrefs);
        Assert.Contains("#table-dima-responses", hrefs);
        Assert.Equal(["DARZALEX FASPRO®", "DARZALEX®"], cut.FindAll("span.product-name").Select(s => s.TextContent));
    }

    [Fact]
    public void Bullets_keep_their_nesting()
    {
        var cut = Render<LetterView>(p => p.Add(c => c.Letter, Seed));

        Assert.Equal(4, cut.FindAll("#summary > ul > li").Count);
        Assert.Single(cut.FindAll("#study-dima-et-al-2023 ul ul"));
    }
}

public sealed class CalloutViewTests : ComponentTestBase
{
    private static readonly Lazy<Letter> Boxed = new(() => MedInfo.Content.Tests.TestLetterFiles.ReadAsync(Path.Combine("zentravir", "infection-risk-hcp.md")).GetAwaiter().GetResult());

    private static IReadOnlyList<Callout> Boxes => Boxed.Value.Sections.SelectMany(s => LetterWalker.Blocks(s.Blocks)).OfType<Callout>().ToList();

    [Fact]
    public void A_warning_is_a_region_named_by_its_heading_and_its_title_says_warning_once()
    {
        var cut = RenderInLetter<CalloutView>(Boxed.Value, p => p.Add(c => c.Box, Boxes[0]));

        var section = cut.Find("section.callout.callout-warning");
        var heading = cut.Find("h3");
        Assert.Equal(heading.Id, section.GetAttribute("aria-labelledby"));
        Assert.Equal("WARNING: SERIOUS INVENTED INFECTIONS", heading.TextContent.Trim());
        Assert.Equal(2, cut.FindAll("ul > li").Count);
    }

    [Fact]
    public void A_note_in_a_study_card_is_labelled_as_a_note_one_heading_level_down()
    {
        var cut = RenderInLetter<CalloutView>(Boxed.Value, p => p.Add(c => c.Box, Boxes[1]));

        var heading = cut.Find("section.callout-note > h4");
        Assert.Equal("Note: ", heading.QuerySelector(".callout-kind")!.TextContent);
        Assert.Equal("About the registry", heading.QuerySelector(".callout-title")!.TextContent);
    }
}

public sealed class FigureViewTests : ComponentTestBase
{
    private static readonly Lazy<Letter> WithFigure = new(() => MedInfo.Content.Tests.TestLetterFiles.ReadAsync(Path.Combine("zentravir", "missed-dose-patients.md")).GetAwaiter().GetResult());

    [Fact]
    public void A_figure_shows_its_image_with_alt_text_and_size_and_a_numbered_caption()
    {
        var figure = WithFigure.Value.Figures.Single();
        var cut = Render<CascadingValue<LetterRenderState>>(p => p
            .Add(c => c.Value, new LetterRenderState(WithFigure.Value, PagePath) { FigureSource = image => $"/images/{image.Sha256}" })
            .AddChildContent<FigureView>(f => f.Add(c => c.Figure, figure)));

        var img = cut.Find("figure#figure-missed-dose-response > img");
        Assert.Equal($"/images/{figure.Image.Sha256}", img.GetAttribute("src"));
        Assert.Equal(figure.AltText, img.GetAttribute("alt"));
        Assert.Equal(("480", "300"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.StartsWith("Figure 1. People With No Change", ReadText(cut.Find("figcaption")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_source_the_alt_text_stands_in_for_the_image()
    {
        var figure = WithFigure.Value.Figures.Single();
        var cut = RenderInLetter<FigureView>(WithFigure.Value, p => p.Add(c => c.Figure, figure));

        Assert.Empty(cut.FindAll("img"));
        Assert.Equal(figure.AltText, cut.Find("p.figure-missing").TextContent);
    }
}
