using System.Text.Json;
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
    [InlineData("/letters/darzalex-poems-syndrome/history", true)]
    [InlineData("/letters/darzalex-poems-syndrome/versions/1", true)]
    [InlineData("/products/darzalex-faspro", true)]
    [InlineData("/letters/no-such-letter", true)]
    public async Task No_WCAG_2_1_A_or_AA_violations(string url, bool asProfessional)
    {
        Assert.True(File.Exists(BrowserFixture.AxeScript), $"axe-core is missing at {BrowserFixture.AxeScript}: run ./scripts/setup.sh (npm ci).");

        // The CSP rightly refuses injected scripts; only this checking context lifts it, to load axe.
        var page = await browser.NewPageAsync(asProfessional, bypassCsp: true);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserFixture.AxeScript });

        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
            }
            """);

        var violations = result.EnumerateArray().Select(v => v.ToString()).ToList();
        Assert.True(violations.Count == 0, $"{url}: {violations.Count} violations\n" + string.Join('\n', violations));
    }
}
