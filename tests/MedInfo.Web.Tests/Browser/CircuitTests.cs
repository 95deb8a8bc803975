using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>Reading needs no SignalR circuit; only search-as-you-type opens one.</summary>
[Collection(BrowserFixture.Collection)]
public sealed class CircuitTests(BrowserFixture browser)
{
    private static async Task<List<string>> WebSocketsOpenedAsync(IPage page, string url)
    {
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForTimeoutAsync(1000);
        return sockets;
    }

    [Fact]
    public async Task Reading_a_letter_opens_no_websocket()
    {
        var page = await browser.NewPageAsync();

        var sockets = await WebSocketsOpenedAsync(page, "/letters/darzalex-poems-syndrome");

        Assert.Empty(sockets);
    }

    [Fact]
    public async Task The_search_page_does_open_one_for_suggestions_so_the_check_above_can_fail()
    {
        var page = await browser.NewPageAsync();

        var sockets = await WebSocketsOpenedAsync(page, "/search");

        Assert.Contains(sockets, s => s.Contains("/_blazor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Typing_in_the_search_box_suggests_letters()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/search", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForTimeoutAsync(500);

        await page.Locator("#q").PressSequentiallyAsync("daratu", new() { Delay = 40 });

        // On a slow machine the box may first answer a shorter prefix ("da" also finds "dose"); wait for "daratu".
        var suggestion = page.Locator(".suggestions a");
        await Assertions.Expect(suggestion).ToHaveCountAsync(1);
        await Assertions.Expect(suggestion).ToHaveAttributeAsync("href", "/letters/darzalex-poems-syndrome");
        await BrowserFixture.ScreenshotAsync(page, "09-search-suggestions");
    }

    [Fact]
    public async Task A_visitor_who_is_not_a_professional_is_suggested_patient_letters_only()
    {
        var page = await browser.NewPageAsync(asProfessional: false);
        await page.GotoAsync("/search", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForTimeoutAsync(500);
        var suggestion = page.Locator(".suggestions a");

        await page.Locator("#q").PressSequentiallyAsync("daratu", new() { Delay = 40 });
        await page.WaitForTimeoutAsync(1500); // the box waits for a pause in typing, then asks the store
        await Assertions.Expect(suggestion).ToHaveCountAsync(0);

        // The same box, a moment later, does suggest a letter written for this reader.
        await page.Locator("#q").FillAsync(string.Empty);
        await page.Locator("#q").PressSequentiallyAsync("zentra", new() { Delay = 40 });
        await Assertions.Expect(suggestion).ToHaveCountAsync(1);
        await Assertions.Expect(suggestion).ToHaveAttributeAsync("href", "/letters/zentravir-missed-dose-patients");
    }
}
