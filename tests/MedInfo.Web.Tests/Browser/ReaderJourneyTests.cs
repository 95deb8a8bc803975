using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>A healthcare professional's way through the portal, in a real browser, with a screenshot of each page.</summary>
[Collection(BrowserFixture.Collection)]
public sealed class ReaderJourneyTests(BrowserFixture browser)
{
    private const string LetterPath = "/letters/darzalex-poems-syndrome";

    [Fact]
    public async Task A_first_visitor_confirms_then_reaches_the_letter_from_home_in_two_clicks()
    {
        var page = await browser.NewPageAsync(asProfessional: false);
        await page.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(page, "01-hcp-notice");

        await page.GetByRole(AriaRole.Button, new() { Name = "I am a US healthcare professional" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products A-Z" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "DARZALEX FASPRO® (daratumumab and hyaluronidase-fihj)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Use of DARZALEX + DARZALEX FASPRO in Polyneuropathy" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(browser.BaseUrl + LetterPath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Use of DARZALEX + DARZALEX FASPRO in Polyneuropathy, Organomegaly, Endocrinopathy, Monoclonal Gammopathy, and Skin Changes (POEMS) Syndrome");
        await BrowserFixture.ScreenshotAsync(page, "03-letter");
        await BrowserFixture.ScreenshotAsync(page.Locator(".letter-header"), "03a-letter-header");
        await BrowserFixture.ScreenshotAsync(page.Locator("#summary"), "03b-letter-summary");
        await BrowserFixture.ScreenshotAsync(page.Locator(".references"), "03d-letter-references");
    }

    [Fact]
    public async Task A_patient_is_led_to_the_information_written_for_patients_not_to_a_dead_end()
    {
        var page = await browser.NewPageAsync(asProfessional: false);
        await page.GotoAsync(LetterPath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This letter is for US healthcare professionals" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "10-hcp-letter-for-a-patient");

        await page.GetByRole(AriaRole.Button, new() { Name = "I am a patient or caregiver" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You are seeing information written for patients and caregivers.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Use of DARZALEX + DARZALEX FASPRO in Polyneuropathy" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "11-home-for-patients");

        await page.GetByRole(AriaRole.Link, new() { Name = "What to Do If You Miss a Dose of ZENTRAVIR" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What to Do If You Miss a Dose of ZENTRAVIR");
        await Assertions.Expect(page.Locator("article.letter-patient")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "12-patient-letter");
        var figure = page.Locator("figure.letter-figure");
        await figure.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(figure.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 480); // loaded, under the CSP
        await BrowserFixture.ScreenshotAsync(figure, "15-figure");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ask Medical Information a question" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(browser.BaseUrl + "/ask?for=patient");
    }

    [Fact]
    public async Task A_boxed_warning_and_a_note_are_regions_named_by_their_titles()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/letters/zentravir-infection-risk");

        var warning = page.GetByRole(AriaRole.Region, new() { Name = "WARNING: SERIOUS INVENTED INFECTIONS" });
        var note = page.GetByRole(AriaRole.Region, new() { Name = "Note: About the registry", Exact = true });
        await Assertions.Expect(warning).ToContainTextAsync("Do not start ZENTRAVIR during an active serious infection.");
        await Assertions.Expect(note).ToContainTextAsync("The registry is not randomized");
        await BrowserFixture.ScreenshotAsync(warning, "13-boxed-warning");
        await BrowserFixture.ScreenshotAsync(note, "14-note-in-a-study-card");
    }

    [Theory]
    [InlineData("POEMS")]
    [InlineData("daratumumab")]
    [InlineData("Darzalex")]
    public async Task Searching_finds_the_letter(string query)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search letters" }).FillAsync(query);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search letters" }).PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 letter found");
        await Assertions.Expect(page.Locator(".search-results a")).ToHaveAttributeAsync("href", LetterPath);
        await BrowserFixture.ScreenshotAsync(page, $"04-search-{query.ToLowerInvariant()}");
    }

    [Fact]
    public async Task Citation_1_leads_to_its_reference_and_the_reference_leads_back()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(LetterPath);

        var citation = page.Locator("#cite-1 a[href$='#ref-1']");
        await citation.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(browser.BaseUrl + LetterPath + "#ref-1");
        await Assertions.Expect(page.Locator("#ref-1")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#ref-1-text")).ToHaveTextAsync("Dima D, Valent J, Khouri J. Daratumumab monotherapy for relapsed POEMS syndrome. Am J Hematol. 2023;98 (11):E291-E294.");

        await page.Locator("#ref-1 .backlinks a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(browser.BaseUrl + LetterPath + "#cite-1");
        await Assertions.Expect(page.Locator("#cite-1")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Focusing_a_citation_shows_its_reference_and_Escape_hides_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(LetterPath);
        var popover = page.Locator("#cite-1 .ref-popover");
        await Assertions.Expect(popover).ToBeHiddenAsync();

        await page.Locator("#cite-1 a").FocusAsync();
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await Assertions.Expect(popover).ToContainTextAsync("Daratumumab monotherapy for relapsed POEMS syndrome");
        await BrowserFixture.ScreenshotAsync(page, "05-citation-popover");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(popover).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_spanned_cell_spans_and_an_indented_cell_is_indented()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(LetterPath);
        var table = page.Locator("#table-dima-baseline");

        var female = table.Locator("tbody tr", new() { Has = page.Locator("th", new() { HasTextString = "Female, n (%)" }) }).Locator("td");
        await Assertions.Expect(female).ToHaveCountAsync(1);
        await Assertions.Expect(female).ToHaveAttributeAsync("colspan", "2");
        await Assertions.Expect(female).ToHaveTextAsync("4 (57)");

        var group = table.Locator("tbody th", new() { HasTextString = "Heavy chain isotope, n (%)" });
        var igg = table.Locator("tbody th").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^IgG$") });
        var groupIndent = await group.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).paddingLeft)");
        var iggIndent = await igg.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).paddingLeft)");
        Assert.True(iggIndent > groupIndent + 10, $"IgG is indented {iggIndent}px, its group row {groupIndent}px");
        Assert.Contains(await group.GetAttributeAsync("id"), (await igg.GetAttributeAsync("headers"))!.Split(' '));
        await BrowserFixture.ScreenshotAsync(table, "03c-letter-table");
    }

    [Fact]
    public async Task The_version_history_opens_from_the_letter_and_shows_the_version_as_published()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(LetterPath);

        await page.GetByRole(AriaRole.Link, new() { Name = "Version history" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Version history" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "06-history");

        await page.GetByRole(AriaRole.Link, new() { Name = "Version 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".version-notice")).ToContainTextAsync("You are viewing version 1");
        await Assertions.Expect(page.Locator("#ref-13")).ToBeAttachedAsync();
    }

    [Fact]
    public async Task On_a_phone_a_wide_table_scrolls_inside_its_box_and_the_page_does_not()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(LetterPath);

        var pageOverflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        var boxScrolls = await page.Locator("#table-dima-baseline .table-scroll").EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth");
        await BrowserFixture.ScreenshotAsync(page, "07-letter-phone");

        Assert.False(pageOverflows, "the page itself scrolls sideways on a phone");
        Assert.True(boxScrolls, "the wide table should scroll inside its box");
    }

    [Fact]
    public async Task Unknown_addresses_show_the_404_page()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/letters/no-such-letter");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "08-not-found");
    }
}
