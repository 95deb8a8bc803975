using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>An editor's way: the portal as scripts/run.sh runs it, a letter open in the browser, an edit saved.</summary>
[Collection(BrowserFixture.Collection)]
public sealed class EditingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_open_page_shows_a_mistake_then_the_fixed_edit_by_itself()
    {
        await using var portal = new DevelopmentPortalFactory();
        var baseUrl = BrowserFixture.StartOnKestrel(portal);
        var page = await browser.NewPageAsync(baseUrl: baseUrl);
        await page.GotoAsync("/letters/darzalex-poems-syndrome");
        var original = await File.ReadAllTextAsync(portal.SeedLetterPath);
        const string Sentence = "No patients developed significant infections while on therapy.";

        await File.WriteAllTextAsync(portal.SeedLetterPath, original.Replace("[@dima2023] reported a retrospective", "[@nosuchkey] reported a retrospective", StringComparison.Ordinal));
        var banner = page.Locator("section.content-errors[role=alert]");
        await Assertions.Expect(banner).ToContainTextAsync("Citation [@nosuchkey]", new() { Timeout = 15_000 });
        await BrowserFixture.ScreenshotAsync(page, "16-editing-mistake-banner");

        await File.WriteAllTextAsync(portal.SeedLetterPath, original.Replace(Sentence, "No patients developed significant infections while on therapy (edited).", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("while on therapy (edited).")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(banner).ToHaveCountAsync(0);
    }
}
