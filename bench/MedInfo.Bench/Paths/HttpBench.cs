using System.Diagnostics;
using System.Globalization;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The seed letter's page at 64 connections (wrk, 2 threads, sharing the 2 cores with the server; each path warmed
/// by 24 s of unmeasured load first, then measured by turns, 3 runs of 8 s each, the median kept): served from the
/// output cache; rendered per request around its body kept from its first rendering (a past version's page, which
/// the output cache does not keep); and the peer: a static file of the same bytes from the same Kestrel.
/// </summary>
public static class HttpBench
{
    private const string Letter = "/letters/darzalex-poems-syndrome";

    public static async Task RunAsync(Workspace workspace, string repository, Report report)
    {
        var data = workspace.Path("store-http");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var statics = Directory.CreateDirectory(workspace.Path("http-static")).FullName;
        await using var portal = await BenchPortal.StartAsync(repository, data, Path.Combine(repository, "content"), 5091);
        await using var staticPeer = await StaticPeer.StartAsync(statics, 5092);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        var page = await http.GetByteArrayAsync(portal.Url + Letter);
        await File.WriteAllBytesAsync(Path.Combine(statics, "letter.html"), page);
        await WriteWrkScriptAsync(workspace);

        // Each path is asked unmeasured first, for 24 s: the first seconds of a path measure the compiler's tiers, not
        // the path. The page outside the cache takes the longest to settle: a new portal served it at 2,782, 4,702,
        // then 7,390, 7,417, 7,661 ... req/s in 8 s runs one after another (docs/benchmarks.md). Then the three are
        // measured by turns.
        string[] urls = [staticPeer.BaseUrl + "/letter.html", portal.Url + Letter, portal.Url + Letter + "/versions/1"];
        foreach (var url in urls)
        {
            Wrk(workspace, url, seconds: 24);
        }

        var medians = await MediansByTurnsAsync(urls.Select(url => (Func<WrkResult>)(() => Wrk(workspace, url))).ToArray());
        var (peer, cached, uncached) = (medians[0], medians[1], medians[2]);
        string Figure(WrkResult r) => $"{Report.Number(r.RequestsPerSecond, "req/s")}, p50 {Report.Ms(r.P50)}, p95 {Report.Ms(r.P95)}, p99 {Report.Ms(r.P99)}, {r.Errors} errors";
        var peerFigure = $"static {Report.Number(peer.RequestsPerSecond, "req/s")}, p95 {Report.Ms(peer.P95)}";
        report.Add(new BenchRow($"Letter page ({page.Length / 1024} KB), cached, 64 conn.", Figure(cached), peerFigure,
            Report.Times(cached.RequestsPerSecond / peer.RequestsPerSecond) + " throughput", ">= 0.5x static, p95 < 20 ms, 0 errors",
            cached.RequestsPerSecond >= 0.5 * peer.RequestsPerSecond && cached.P95 < 20 && cached.Errors == 0));
        report.Add(new BenchRow("Letter page, not in the page cache (its kept body in a rendered layout), 64 conn.", Figure(uncached), peerFigure,
            Report.Times(uncached.RequestsPerSecond / peer.RequestsPerSecond) + " throughput", ">= 0.3x static, p95 < 50 ms, 0 errors",
            uncached.RequestsPerSecond >= 0.3 * peer.RequestsPerSecond && uncached.P95 < 50 && uncached.Errors == 0));
    }

    /// <summary>The wrk measurements by turns (<see cref="Turns"/>), each one's median run by throughput, its errors
    /// those of all its runs.</summary>
    internal static async Task<WrkResult[]> MediansByTurnsAsync(params Func<WrkResult>[] measurements)
    {
        var runs = await Turns.RunAsync(measurements.Select(measure => (Func<Task<WrkResult>>)(() => Task.FromResult(measure()))).ToArray());
        return [.. runs.Select(r => r.OrderBy(x => x.RequestsPerSecond).ElementAt(r.Count / 2) with { Errors = r.Sum(x => x.Errors) })];
    }

    internal sealed record WrkResult(double RequestsPerSecond, double P50, double P95, double P99, long Errors);

    /// <summary>
    /// wrk at 64 connections for 8 s (or as given) with the HCP cookie and the report script (written first), or
    /// <paramref name="script"/>, which must end with it; <paramref name="acceptEncoding"/> asks for compression as
    /// browsers do.
    /// </summary>
    internal static WrkResult Wrk(Workspace workspace, string url, int connections = 64, int seconds = 8, string? acceptEncoding = null, string script = "wrk-report.lua")
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections.ToString(CultureInfo.InvariantCulture)}", $"-d{seconds.ToString(CultureInfo.InvariantCulture)}s", "--timeout", "5s", "-H", "Cookie: medinfo-hcp=yes", "-s", workspace.Path(script), url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (acceptEncoding is not null)
        {
            start.ArgumentList.Insert(0, $"Accept-Encoding: {acceptEncoding}");
            start.ArgumentList.Insert(0, "-H");
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: apt-get install wrk");
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk printed no result: " + output + wrk.StandardError.ReadToEnd());
        var f = result.Split(' ').Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        // requests, errors (incl. non-2xx), duration µs, p50 µs, p95 µs, p99 µs
        return new WrkResult(f[0] / (f[2] / 1e6), f[3] / 1000, f[4] / 1000, f[5] / 1000, (long)f[1]);
    }

    internal static Task WriteWrkScriptAsync(Workspace workspace) => File.WriteAllTextAsync(workspace.Path("wrk-report.lua"), WrkScript);

    /// <summary>A wrk script that asks for one of <paramref name="paths"/> at random on each request; returns its name.</summary>
    internal static async Task<string> WriteRandomPathsScriptAsync(Workspace workspace, IEnumerable<string> paths)
    {
        var list = workspace.Path("wrk-paths.txt");
        await File.WriteAllLinesAsync(list, paths);
        await File.WriteAllTextAsync(workspace.Path("wrk-random.lua"), $$"""
            local paths = {}
            for line in io.lines("{{list}}") do paths[#paths + 1] = line end
            math.randomseed(os.time() + math.floor(os.clock() * 1000000))
            request = function() return wrk.format(nil, paths[math.random(#paths)]) end
            """ + "\n" + WrkScript);
        return "wrk-random.lua";
    }

    private const string WrkScript = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests,
            e.connect + e.read + e.write + e.timeout + e.status, summary.duration,
            latency:percentile(50), latency:percentile(95), latency:percentile(99)))
        end
        """;
}
