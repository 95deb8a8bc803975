using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MedInfo.Store;

namespace MedInfo.Testing;

/// <summary>
/// A portal as an operator runs it: its own process (<c>dotnet MedInfo.Web.dll</c> from a build or publish folder)
/// in Production on a loopback port, ready once /healthz answers; killed with its children on dispose. Shared as
/// source by the web tests and the benchmark harness.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> errors = new();

    private PortalProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>What the portal wrote on standard error so far (for a failing test's message).</summary>
    public string Errors => string.Join('\n', errors);

    public int ProcessId => process.Id;

    /// <param name="app">The folder holding MedInfo.Web.dll (a publish output, or a build folder).</param>
    /// <param name="environment">Variables over the defaults (Production, no PostgreSQL unless given).</param>
    /// <param name="port">The loopback port; a free one when not given.</param>
    /// <param name="workingDirectory">Where it runs (its content root); <paramref name="app"/> when not given.</param>
    public static async Task<PortalProcess> StartAsync(string app, IReadOnlyDictionary<string, string> environment, int? port = null, string? workingDirectory = null)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port ?? LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "MedInfo.Web.dll"), "--urls", url])
        {
            WorkingDirectory = workingDirectory ?? app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove(MedInfoEnvironment.PostgreSql);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var portal = new PortalProcess(Process.Start(start)!, url);
        portal.process.OutputDataReceived += (_, _) => { };
        portal.process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                portal.errors.Enqueue(line.Data);
            }
        };
        portal.process.BeginOutputReadLine();
        portal.process.BeginErrorReadLine();
        using var probe = new HttpClient();
        for (var attempt = 0; attempt < 600 && !portal.process.HasExited; attempt++)
        {
            try
            {
                if ((await probe.GetAsync(url + "/healthz")).IsSuccessStatusCode)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        await portal.DisposeAsync();
        throw new InvalidOperationException($"The portal at {url} did not become ready in two minutes: {portal.Errors}");
    }

    /// <summary>Resident memory (VmRSS) of the portal process, in MB.</summary>
    public double WorkingSetMegabytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
