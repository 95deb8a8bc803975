using System.Diagnostics;
using System.Globalization;

namespace MedInfo.Bench;

/// <summary>The portal as its own process (Release build, Production), on a loopback port, for load and memory figures.</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;

    private PortalProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => process.Id;

    public static async Task<PortalProcess> StartAsync(string repository, string dataDirectory, string contentDirectory, int port)
    {
        var dll = Path.Combine(repository, "src", "MedInfo.Web", "bin", "Release", "net10.0", "MedInfo.Web.dll");
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            WorkingDirectory = Path.Combine(repository, "src", "MedInfo.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["MEDINFO_DATA_DIR"] = dataDirectory;
        start.Environment["MedInfo__ContentDirectory"] = contentDirectory;
        start.Environment["MedInfo__RateLimits__SearchesPerMinute"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the portal did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  portal: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await http.GetAsync(url + "/healthz")).IsSuccessStatusCode)
                {
                    return new PortalProcess(process, url);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the portal did not answer /healthz within 2 minutes");
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
