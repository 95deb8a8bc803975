using MedInfo.Content.Tests;
using MedInfo.Store;
using MedInfo.Store.Tests;

namespace MedInfo.Cli.Tests;

/// <summary>The command line on a PostgreSQL store, chosen by MEDINFO_POSTGRES: the same commands, the same answers.</summary>
public sealed class PostgreSqlCommandTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>, IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("medinfo-cli-pg-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact]
    public async Task Import_list_and_audit_verify_work_on_PostgreSQL_and_nothing_lands_in_the_data_folder()
    {
        var postgres = new Dictionary<string, string> { [MedInfoEnvironment.PostgreSql] = (await server.CreateAsync(data)).ConnectionString };

        var first = await CliRun.RunProcessAsync(postgres, "import", RepositoryPaths.Content, "--data", data);
        var again = await CliRun.RunProcessAsync(postgres, "import", RepositoryPaths.Content, "--data", data);
        var list = await CliRun.RunProcessAsync(postgres, "list", "--data", data);
        var verify = await CliRun.RunProcessAsync(postgres, "audit", "verify", "--data", data);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1 new letters", first.Output, StringComparison.Ordinal);
        Assert.Contains("1 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Contains("darzalex-poems-syndrome", list.Output, StringComparison.Ordinal);
        Assert.Equal(0, verify.ExitCode);
        Assert.False(File.Exists(Path.Combine(data, StoreLocation.FileName)), "the SQLite file was created although the store is PostgreSQL");
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task Backup_and_restore_refuse_a_PostgreSQL_store_and_name_its_own_tools(string command)
    {
        var postgres = new Dictionary<string, string> { [MedInfoEnvironment.PostgreSql] = (await server.CreateAsync(data)).ConnectionString };

        var result = await CliRun.RunProcessAsync(postgres, command, Path.Combine(data, "medinfo-backup.db"), "--data", data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("use PostgreSQL's pg_dump and pg_restore", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(data, "medinfo-backup.db")));
    }

    [Theory]
    [InlineData("not a connection string", "MEDINFO_POSTGRES (or ConnectionStrings:PostgreSql) is not a PostgreSQL connection string like")]
    [InlineData("Host=127.0.0.1;Port=1;Database=medinfo;Password=hunter2", "The store does not answer: Failed to connect to 127.0.0.1:1")]
    public async Task A_bad_or_unreachable_PostgreSQL_store_is_one_clear_line_without_a_stack_or_the_password(string connectionString, string message)
    {
        var result = await CliRun.RunProcessAsync(new Dictionary<string, string> { [MedInfoEnvironment.PostgreSql] = connectionString }, "list", "--data", data);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }
}
