using MedInfo.Testing;

namespace MedInfo.Bench;

/// <summary>The portal as its own process (the Release build, Production) on a loopback port, for load and memory figures.</summary>
public static class BenchPortal
{
    internal static Task<PortalProcess> StartAsync(string repository, string dataDirectory, string contentDirectory, int port) =>
        PortalProcess.StartAsync(Path.Combine(repository, "src", "MedInfo.Web", "bin", "Release", "net10.0"), new Dictionary<string, string>
        {
            ["MEDINFO_DATA_DIR"] = dataDirectory,
            ["MedInfo__ContentDirectory"] = contentDirectory,
            ["MedInfo__RateLimits__SearchesPerMinute"] = "100000000",
            ["Logging__LogLevel__Default"] = "Warning",
        }, port, workingDirectory: Path.Combine(repository, "src", "MedInfo.Web")); // its wwwroot, as `dotnet run` serves it
}
