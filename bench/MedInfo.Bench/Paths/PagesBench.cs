using System.Text.RegularExpressions;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The pages a reader opens first, on the imported store of the corpus (10,000 letters, about 400 products), for a
/// confirmed healthcare professional: the home page, a product's page and /healthz, each against a letter page
/// served from the output cache by the same portal in the same run (the issue's yardstick); wrk at 64 connections
/// for 8 s after a first run that lets the JIT settle.
/// </summary>
public static partial class PagesBench
{
    public static async Task RunAsync(Workspace workspace, string importedStore, string repository, Report report)
    {
        var data = workspace.Path("store-pages");
        SearchBench.CopyStore(importedStore, data);
        await using var portal = await BenchPortal.StartAsync(repository, data, workspace.Corpus, 5095);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        var home = await http.GetStringAsync(portal.Url + "/");
        var product = ProductLink().Match(home).Groups[1].Value;
        var letter = LetterLink().Match(await http.GetStringAsync(portal.Url + product)).Groups[1].Value;
        await HttpBench.WriteWrkScriptAsync(workspace);

        HttpBench.Wrk(workspace, portal.Url + letter);
        var cachedLetter = HttpBench.Wrk(workspace, portal.Url + letter);
        var peer = $"cached letter page {Report.Number(cachedLetter.RequestsPerSecond, "req/s")}, p95 {Report.Ms(cachedLetter.P95)}";
        foreach (var (name, path) in new[] { ($"Home page, {workspace.Letters:N0} letters", "/"), ($"Product page ({product}), {workspace.Letters:N0} letters", product), ("/healthz", "/healthz") })
        {
            HttpBench.Wrk(workspace, portal.Url + path);
            var result = HttpBench.Wrk(workspace, portal.Url + path);
            var goal = path == "/healthz" ? 1.0 : 0.5;
            report.Add(new BenchRow($"{name}, 64 conn.",
                $"{Report.Number(result.RequestsPerSecond, "req/s")}, p50 {Report.Ms(result.P50)}, p95 {Report.Ms(result.P95)}, {result.Errors} errors",
                peer, Report.Times(result.RequestsPerSecond / cachedLetter.RequestsPerSecond) + " throughput",
                $">= {goal:0.0}x the cached letter page, 0 errors",
                result.RequestsPerSecond >= goal * cachedLetter.RequestsPerSecond && result.Errors == 0));
        }
    }

    [GeneratedRegex("href=\"(/products/[^\"]+)\"")]
    private static partial Regex ProductLink();

    [GeneratedRegex("href=\"(/letters/[^\"/]+)\"")]
    private static partial Regex LetterLink();
}
