using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>axe-core (from npm), run in the real browser, finds no WCAG 2.1 A or AA violation on any kind of page.</summary>
[Collection(BrowserFixture.Collection)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/", false)]
    [InlineData("/search?q=POEMS", true)]
    [InlineData("/search?q=zzqqxx", true)]
    [InlineData("/letters/darzalex-poems-syndrome", true)]
    [InlineData("/letters/darzalex-poems-syndrome", false)]
    [InlineData("/letters/zentravir-missed-dose-patients", false)]
    [InlineData("/products/zentravir", false)]
    [InlineData("/letters/zentravir-infection-risk", true)]
    [InlineData("/letters/darzalex-poems-syndrome/history", true)]
    [InlineData("/letters/darzalex-poems-syndrome/versions/1", true)]
    [InlineData("/products/darzalex-faspro", true)]
    [InlineData("/letters/no-such-letter", true)]
    [InlineData("/staff/signin", false)]
    [InlineData("/ask", false)]
    [InlineData("/ask?for=patient", false)]
    [InlineData("/ask/received/MIR-2026-000123", false)]
    public async Task No_WCAG_2_1_A_or_AA_violations(string url, bool asProfessional)
    {
        // The CSP rightly refuses injected scripts; only this checking context lifts it, to load axe.
        var page = await browser.NewPageAsync(asProfessional, bypassCsp: true);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var violations = await Axe.ViolationsAsync(page);

        Assert.True(violations.Count == 0, $"{url}: {violations.Count} violations\n" + string.Join('\n', violations));
    }
}
