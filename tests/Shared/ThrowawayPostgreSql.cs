using System.Diagnostics;
using MedInfo.Store;
using Npgsql;

namespace MedInfo.Testing;

/// <summary>
/// A throwaway PostgreSQL server: Debian's postgresql programs start a cluster in a temporary folder on a free
/// loopback port, and each store gets a database of its own. MEDINFO_TEST_POSTGRES (a connection string whose user
/// may create databases) uses a server that is already running instead. Shared as source by the store's tests and
/// the benchmark harness (which must not reference a test project).
/// </summary>
internal sealed class ThrowawayPostgreSql : IAsyncDisposable
{
    public const string EnvironmentVariable = "MEDINFO_TEST_POSTGRES";

    private string? folder;
    private string? binaries;
    private string adminConnectionString = string.Empty;
    private int databases;

    public async Task StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            adminConnectionString = given;
            return;
        }

        binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL's server programs (initdb, pg_ctl) are not under /usr/lib/postgresql: install Debian's postgresql package " +
                $"(scripts/setup.sh does), or set {EnvironmentVariable} to the connection string of a server to use.");
        }

        folder = Directory.CreateTempSubdirectory("medinfo-pg-").FullName;
        var port = LoopbackPort.Free();
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres", folder], asPostgres: false); // PostgreSQL refuses to run as root
        }

        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunAsync(Path.Combine(binaries, "pg_ctl"), [
            "-D", Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start"]);
        adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (folder is null || binaries is null)
        {
            return;
        }

        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"]);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A new, empty database for one test store.</summary>
    public async Task<StoreConnection> CreateAsync(string directory)
    {
        var name = $"medinfo_test_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true };
        return StoreConnection.PostgreSql(builder.ConnectionString);
    }

    private string Data => Path.Combine(folder!, "data");

    internal static async Task RunAsync(string program, IEnumerable<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo(asPostgres && Environment.IsPrivilegedProcess ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
