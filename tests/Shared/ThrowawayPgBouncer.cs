using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace MedInfo.Testing;

/// <summary>
/// Debian's PgBouncer in front of a PostgreSQL server, on a free loopback port, as an operator puts it before several
/// portals: every database of the server under its own name, trust sign-in, and the pool mode asked for
/// (transaction pooling is the one that breaks session state). Runs as the postgres user when the tests run as root
/// (PgBouncer refuses root); stopped and its folder removed on dispose.
/// </summary>
internal sealed class ThrowawayPgBouncer : IAsyncDisposable
{
    private const string Program = "/usr/sbin/pgbouncer";

    private readonly string folder;
    private readonly Process process;

    private ThrowawayPgBouncer(string folder, Process process, int port)
    {
        this.folder = folder;
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts PgBouncer before the server that <paramref name="serverConnectionString"/> names.</summary>
    public static async Task<ThrowawayPgBouncer> StartAsync(string serverConnectionString, string poolMode, int serverConnections = 4)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException("PgBouncer is not installed: install Debian's pgbouncer package (scripts/setup.sh does).");
        }

        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var folder = Directory.CreateTempSubdirectory("medinfo-pgbouncer-").FullName;
        var port = LoopbackPort.Free();
        await File.WriteAllTextAsync(Path.Combine(folder, "users.txt"), $"\"{server.Username}\" \"\"\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "pgbouncer.ini"), $"""
            [databases]
            * = host={server.Host} port={server.Port}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {folder}/users.txt
            pool_mode = {poolMode}
            default_pool_size = {serverConnections}
            max_client_conn = 500
            logfile = {folder}/pgbouncer.log
            """);
        if (Environment.IsPrivilegedProcess)
        {
            await ThrowawayPostgreSql.RunAsync("chown", ["-R", "postgres", folder], asPostgres: false);
        }

        var start = new ProcessStartInfo(Environment.IsPrivilegedProcess ? "runuser" : Program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (Environment.IsPrivilegedProcess ? ["-u", "postgres", "--", Program] : Array.Empty<string>()).Append(Path.Combine(folder, "pgbouncer.ini")))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var bouncer = new ThrowawayPgBouncer(folder, process, port);
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(50))
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return bouncer;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                // not listening yet
            }
            catch (SocketException)
            {
                var log = File.Exists(Path.Combine(folder, "pgbouncer.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "pgbouncer.log")) : string.Empty;
                await bouncer.DisposeAsync();
                throw new InvalidOperationException($"PgBouncer did not start on port {port}: {log}");
            }
        }
    }

    /// <summary>The same database and user as <paramref name="serverConnectionString"/>, through PgBouncer.</summary>
    public string Through(string serverConnectionString) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
