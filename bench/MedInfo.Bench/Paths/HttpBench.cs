using System.Diagnostics;
using System.Globalization;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The seed letter's page at 64 connections (wrk, 2 threads, sharing the 2 cores with the server): served from the
/// output cache, rendered per request (a past version's page, which is not cached), and the peer: a static file of
/// the same bytes from the same Kestrel.
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

        var peer = Wrk(workspace, staticPeer.BaseUrl + "/letter.html");
        var cached = Wrk(workspace, portal.Url + Letter);
        var uncached = Wrk(workspace, portal.Url + Letter + "/versions/1");
        string Figure(WrkResult r) => $"{Report.Number(r.RequestsPerSecond, "req/s")}, p50 {Report.Ms(r.P50)}, p95 {Report.Ms(r.P95)}, p99 {Report.Ms(r.P99)}, {r.Errors} errors";
        var peerFigure = $"static {Report.Number(peer.RequestsPerSecond, "req/s")}, p95 {Report.Ms(peer.P95)}";
        report.Add(new BenchRow($"Letter page ({page.Length / 1024} KB), cached, 64 conn.", Figure(cached), peerFigure,
            Report.Times(cached.RequestsPerSecond / peer.RequestsPerSecond) + " throughput", ">= 0.5x static, p95 < 20 ms, 0 errors",
            cached.RequestsPerSecond >= 0.5 * peer.RequestsPerSecond && cached.P95 < 20 && cached.Errors == 0));
        report.Add(new BenchRow("Letter page, uncached (rendered), 64 conn.", Figure(uncached), peerFigure,
            Report.Times(uncached.RequestsPerSecond / peer.RequestsPerSecond) + " throughput", ">= 0.2x static, p95 < 20 ms, 0 errors",
            uncached.RequestsPerSecond >= 0.2 * peer.RequestsPerSecond && uncached.P95 < 20 && uncached.Errors == 0));
    }

    internal sealed record WrkResult(double RequestsPerSecond, double P50, double P95, double P99, long Errors);

    /// <summary>wrk at 64 connections for 8 s (or as given) with the HCP cookie (the report script written first).</summary>
    internal static WrkResult Wrk(Workspace workspace, string url, int connections = 64, int seconds = 8)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections.ToString(CultureInfo.InvariantCulture)}", $"-d{seconds.ToString(CultureInfo.InvariantCulture)}s", "--timeout", "5s", "-H", "Cookie: medinfo-hcp=yes", "-s", workspace.Path("wrk-report.lua"), url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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

    private const string WrkScript = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests,
            e.connect + e.read + e.write + e.timeout + e.status, summary.duration,
            latency:percentile(50), latency:percentile(95), latency:percentile(99)))
        end
        """;
}
