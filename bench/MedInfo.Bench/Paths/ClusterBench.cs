using System.Diagnostics;
using System.Globalization;

namespace MedInfo.Bench.Paths;

/// <summary>
/// scripts/cluster.sh as an operator starts it (PostgreSQL, two portals in Production, nginx in front, content/):
/// the letter page and the search page through nginx over both portals against one of the portals asked directly,
/// in the same run, then 400 connections (2 × 200) on the letter page through nginx for 20 s.
/// </summary>
public static class ClusterBench
{
    private const int Port = 5180;

    private const string Letter = "/letters/darzalex-poems-syndrome";

    private const string Search = "/search?q=daratumumab%20POEMS";

    public static async Task RunAsync(Workspace workspace, string repository, Report report)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(repository, "scripts", "cluster.sh")]) { WorkingDirectory = repository };
        start.Environment["MEDINFO_CLUSTER_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["MedInfo__RateLimits__SearchesPerMinute"] = "100000000"; // every wrk connection is 127.0.0.1
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var cluster = Process.Start(start) ?? throw new InvalidOperationException("scripts/cluster.sh did not start");
        try
        {
            var proxy = $"http://127.0.0.1:{Port}";
            var direct = $"http://127.0.0.1:{Port + 2}"; // the first portal, as cluster.sh numbers them
            await WaitAsync(proxy, cluster);
            await HttpBench.WriteWrkScriptAsync(workspace);
            using (var http = new HttpClient())
            {
                http.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
                foreach (var url in new[] { proxy, direct, $"http://127.0.0.1:{Port + 3}" })
                {
                    await http.GetStringAsync(url + Letter);
                    await http.GetStringAsync(url + Search); // each portal's search index built
                }
            }

            Row(report, "Letter page through nginx, 2 portals, 64 conn.", HttpBench.Wrk(workspace, proxy + Letter), HttpBench.Wrk(workspace, direct + Letter), p95Goal: 50);
            Row(report, "Search page through nginx, 2 portals, 64 conn.", HttpBench.Wrk(workspace, proxy + Search), HttpBench.Wrk(workspace, direct + Search), p95Goal: 150);
            var heavy = HttpBench.Wrk(workspace, proxy + Letter, connections: 400, seconds: 20);
            report.Add(new BenchRow("Letter page through nginx, 2 × 200 conn., 20 s", Figure(heavy), "-", "-", "0 errors (non-2xx or socket)", heavy.Errors == 0));
        }
        finally
        {
            // As Ctrl+C does: the script stops the portals, nginx and PostgreSQL and removes its folder (TERM, because a
            // shell started in the background ignores INT).
            using (var interrupt = Process.Start("kill", ["-TERM", cluster.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            await cluster.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>
    /// On this 2-core machine nginx and both portals share the cores one portal has to itself when asked directly,
    /// so the ratio is what the extra hop costs, not what a second machine would add; the goal is the reader's wait.
    /// </summary>
    private static void Row(Report report, string name, HttpBench.WrkResult throughProxy, HttpBench.WrkResult direct, double p95Goal) =>
        report.Add(new BenchRow(name, Figure(throughProxy), "one portal direct: " + Figure(direct),
            Report.Times(throughProxy.RequestsPerSecond / direct.RequestsPerSecond) + " throughput",
            $"p95 < {p95Goal.ToString(CultureInfo.InvariantCulture)} ms, 0 errors",
            throughProxy.P95 < p95Goal && throughProxy.Errors == 0));

    private static string Figure(HttpBench.WrkResult r) =>
        $"{Report.Number(r.RequestsPerSecond, "req/s")}, p50 {Report.Ms(r.P50)}, p95 {Report.Ms(r.P95)}, p99 {Report.Ms(r.P99)}, {r.Errors} errors";

    private static async Task WaitAsync(string url, Process cluster)
    {
        using var http = new HttpClient();
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(5) && !cluster.HasExited; await Task.Delay(500))
        {
            try
            {
                if ((await http.GetAsync(url + "/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // publishing, or still starting
            }
        }

        throw new InvalidOperationException("scripts/cluster.sh did not answer at " + url + " within 5 minutes");
    }
}
