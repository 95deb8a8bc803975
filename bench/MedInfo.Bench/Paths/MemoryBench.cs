using Microsoft.Playwright;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The portal's resident memory at idle over the imported corpus, and what each interactive circuit (the search
/// box) adds, measured with real browser pages.
/// </summary>
public static class MemoryBench
{
    private const int Circuits = 20;

    public static async Task RunAsync(Workspace workspace, string repository, string store, Report report)
    {
        await using var portal = await BenchPortal.StartAsync(repository, store, workspace.Corpus, 5092);
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
            foreach (var path in new[] { "/", "/search?q=response", "/letters/darzalex-poems-syndrome" })
            {
                await http.GetAsync(portal.Url + path);
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var idle = portal.WorkingSetMegabytes();
        report.Add(new BenchRow($"Working set at idle, {workspace.Letters:N0} letters", $"{idle:0} MB", string.Empty, string.Empty, "< 300 MB", idle < 300));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = new MedInfo.Pdf.PdfOptions().ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Url });
        await context.AddCookiesAsync([new Cookie { Name = "medinfo-hcp", Value = "yes", Url = portal.Url }]);
        var before = portal.WorkingSetMegabytes();
        for (var i = 0; i < Circuits; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/search?q=response", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.GetByRole(AriaRole.Searchbox).First.FillAsync("zorvel");
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var perCircuit = (portal.WorkingSetMegabytes() - before) / Circuits;
        report.Add(new BenchRow($"Memory per interactive circuit ({Circuits} open)", $"{perCircuit:0.00} MB", string.Empty, string.Empty, "(measured; no goal)", true));
    }
}
