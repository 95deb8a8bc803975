using System.Text.RegularExpressions;
using MedInfo.Testing;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The pages a reader opens first, on the imported store of the corpus (10,000 letters, about 400 products), for a
/// confirmed healthcare professional: the home page, a product's page and /healthz, each against a letter page
/// served from the output cache by the same portal in the same run (the issue's yardstick); wrk at 64 connections
/// for 8 s after a first run that lets the JIT settle. Then every letter of the store: each read once (its body
/// rendered and kept), then read at random, as a browser asks (compressed), against the same single cached page,
/// the two by turns (three runs of each, the median kept).
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

        await ReadEveryLetterAsync(workspace, portal, data, letter, report);
    }

    private static async Task ReadEveryLetterAsync(Workspace workspace, PortalProcess portal, string data, string letter, Report report)
    {
        const string Browser = "br, gzip"; // what browsers send, so the output cache keeps each page compressed
        var paths = await PublishedLetterPathsAsync(data);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        http.DefaultRequestHeaders.Add("Accept-Encoding", Browser);
        var failed = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (path, cancel) =>
        {
            using var response = await http.GetAsync(portal.Url + path, cancel);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
            }
        });
        clock.Stop();
        report.Add(new BenchRow($"Letter pages, first read of each of {paths.Count:N0} (body rendered and kept), 8 conn.",
            $"{Report.Number(paths.Count / clock.Elapsed.TotalSeconds, "letters/s")} ({clock.Elapsed.TotalSeconds:0.0} s), {failed} errors",
            string.Empty, string.Empty, "(measured; no goal), 0 errors", failed == 0));

        var script = await HttpBench.WriteRandomPathsScriptAsync(workspace, paths);
        HttpBench.WrkResult Single() => HttpBench.Wrk(workspace, portal.Url + letter, acceptEncoding: Browser);
        HttpBench.WrkResult Random() => HttpBench.Wrk(workspace, portal.Url, acceptEncoding: Browser, script: script);
        Single();
        Random();
        var medians = await HttpBench.MediansByTurnsAsync(Single, Random);
        var (single, random) = (medians[0], medians[1]);
        var memory = portal.WorkingSetMegabytes();
        report.Add(new BenchRow($"Letter pages, {paths.Count:N0} read at random (compressed), 64 conn.",
            $"{Report.Number(random.RequestsPerSecond, "req/s")}, p50 {Report.Ms(random.P50)}, p95 {Report.Ms(random.P95)}, {random.Errors} errors; working set after {memory:0} MB",
            $"one cached letter page (compressed) {Report.Number(single.RequestsPerSecond, "req/s")}, p95 {Report.Ms(single.P95)}",
            Report.Times(random.RequestsPerSecond / single.RequestsPerSecond) + " throughput",
            ">= 0.5x the single cached page, working set < 300 MB, 0 errors",
            random.RequestsPerSecond >= 0.5 * single.RequestsPerSecond && memory < 300 && random.Errors == 0));
    }

    /// <summary>The page of every letter a healthcare professional may read, from the store the portal serves.</summary>
    private static async Task<List<string>> PublishedLetterPathsAsync(string data)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "medinfo.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Letters WHERE PublishedVersionId IS NOT NULL AND IsRetired = 0 ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var paths = new List<string>();
        while (await reader.ReadAsync())
        {
            paths.Add("/letters/" + Uri.EscapeDataString(reader.GetString(0)));
        }

        return paths;
    }

    [GeneratedRegex("href=\"(/products/[^\"]+)\"")]
    private static partial Regex ProductLink();

    [GeneratedRegex("href=\"(/letters/[^\"/]+)\"")]
    private static partial Regex LetterLink();
}
