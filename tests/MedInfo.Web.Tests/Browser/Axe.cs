using System.Text.Json;
using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>axe-core (from npm) run in the page: its WCAG 2.1 A and AA violations, one line each.</summary>
public static class Axe
{
    /// <summary>The page's context must bypass the CSP (which rightly refuses injected scripts) to load axe.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.True(File.Exists(BrowserFixture.AxeScript), $"axe-core is missing at {BrowserFixture.AxeScript}: run ./scripts/setup.sh (npm ci).");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserFixture.AxeScript });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
            }
            """);
        return result.EnumerateArray().Select(v => v.ToString()).ToList();
    }
}
