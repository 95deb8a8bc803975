using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>
/// Search-as-you-type runs its queries over the circuit, where the HTTP rate limit never looks: it has a per-client
/// budget of its own. A page once typed 148 queries in 30 s against a GET /search limit of 120 a minute.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class SuggestionLimitTests(BrowserFixture browser) : IDisposable
{
    private sealed class TightBudgetPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MedInfo:RateLimits:SuggestionsPerMinute", "5");
        }
    }

    private readonly TightBudgetPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Typing_past_the_budget_pauses_suggestions_and_says_so()
    {
        var baseUrl = BrowserFixture.StartOnKestrel(portal);
        var page = await browser.NewPageAsync(baseUrl: baseUrl);
        await page.GotoAsync("/search", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForTimeoutAsync(500);
        var box = page.Locator("#q");
        var suggestions = page.Locator(".suggestions a");

        for (var i = 0; i < 5; i++)
        {
            await box.FillAsync(i % 2 == 0 ? "daratumumab" : "POEMS");
            await page.WaitForTimeoutAsync(400); // past the box's pause in typing, so each fill is one query
            await Assertions.Expect(suggestions).ToHaveCountAsync(1);
        }

        await box.FillAsync("daratumumab relapsed");

        await Assertions.Expect(page.Locator("#q-suggestions-status")).ToContainTextAsync("Suggestions are paused");
        await Assertions.Expect(suggestions).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "10-search-suggestions-paused");
    }
}
