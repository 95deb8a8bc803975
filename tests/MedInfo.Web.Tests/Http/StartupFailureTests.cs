using System.Diagnostics;
using MedInfo.Content.Tests;
using MedInfo.Store;
using MedInfo.Store.Audit;
using MedInfo.Store.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// The portal as an operator starts it (its own process), on a store it cannot use: one line that says what is
/// wrong and what to do, exit code 1, no stack trace, no abort (134), and never a new store over a lost one.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes and setpriv: the portal runs on Linux
public sealed class StartupFailureTests(PostgreSqlServer postgres) : IClassFixture<PostgreSqlServer>, IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("medinfo-start-").FullName;

    private string StoreFile => Path.Combine(data, StoreLocation.FileName);

    private string PortalCopy => data + "-portal";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        if (Directory.Exists(PortalCopy))
        {
            Directory.Delete(PortalCopy, recursive: true);
        }
    }

    [Fact]
    public async Task An_empty_store_file_is_refused_not_made_into_a_new_store()
    {
        await File.WriteAllBytesAsync(StoreFile, []); // truncate -s 0 data/medinfo.db

        var result = await RunPortalAsync();

        AssertOneClearLine(result, "is empty (0 bytes)", "medinfo restore");
        Assert.Equal(0, new FileInfo(StoreFile).Length);
    }

    [Fact]
    public async Task A_damaged_store_file_names_the_restore_command()
    {
        await File.WriteAllBytesAsync(StoreFile, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());

        var result = await RunPortalAsync();

        AssertOneClearLine(result, "is damaged", "medinfo restore");
    }

    [Fact]
    public async Task A_store_that_lost_its_audit_records_is_reported_at_start_up()
    {
        // A store with exports, sealed by the checkpoint beside it; then the database file is lost.
        await MakeStoreAsync(services => services.GetRequiredService<AuditTrail>().RecordAsync(
            new NewExport(NewExport.LetterKind, "staff@example.org", "web", [new ExportedLetter("synthetic-letter", 1, new string('a', 64))]), [1, 2, 3]));
        foreach (var file in Directory.EnumerateFiles(data, StoreLocation.FileName + "*"))
        {
            File.Delete(file);
        }

        var result = await RunPortalAsync();

        // The key ring was in the lost store too, so the seal itself can no longer be read.
        AssertOneClearLine(result, "cannot be verified", "the store was lost", "medinfo restore");
    }

    [Fact]
    public async Task A_data_folder_without_write_access_is_named_as_a_permission_problem()
    {
        await MakeStoreAsync();
        File.SetUnixFileMode(StoreFile, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            // Root may write anywhere; the portal then runs as an ordinary user, as operators run it.
            var result = await RunPortalAsync(asOrdinaryUser: Environment.UserName == "root");

            AssertOneClearLine(result, "No permission to use the data folder " + data, "read and write access");
            Assert.DoesNotContain("does not answer", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_setting_out_of_range_is_named_at_start_up()
    {
        var result = await RunPortalAsync(new() { ["MedInfo__RateLimits__SearchesPerMinute"] = "0" });

        AssertOneClearLine(result, "SearchesPerMinute");
    }

    [Theory]
    [InlineData("MedInfo__Requests__TimeZone", "Mars/Olympus_Mons", "TimeZone must be a time zone id")]
    [InlineData("MedInfo__Mail__Package", "Link", "PublicUrl must be the portal's public address")]
    [InlineData("MedInfo__Proxy__KnownProxies__0", "nginx.local", "'nginx.local', which is not an IP address")]
    [InlineData("MedInfo__Proxy__KnownNetworks__0", "10.0.0.0/99", "'10.0.0.0/99', which is not a network")]
    public async Task A_request_desk_or_mail_setting_that_cannot_work_is_named_at_start_up(string name, string value, string message)
    {
        var result = await RunPortalAsync(new() { [name] = value, ["MedInfo__Mail__Host"] = "127.0.0.1" });

        AssertOneClearLine(result, message);
    }

    [Fact]
    public async Task A_PostgreSQL_login_that_is_refused_says_so()
    {
        var store = await postgres.CreateAsync(data);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(store.ConnectionString) { Username = "nobody_here", Password = "hunter2" };

        var result = await RunPortalAsync(new()
        {
            [MedInfoEnvironment.PostgreSql] = builder.ConnectionString,
            [MedInfoEnvironment.KeyRingCertificate] = TestCertificate.WritePfx(data),
            [MedInfoEnvironment.KeyRingCertificatePassword] = TestCertificate.Password,
        });

        AssertOneClearLine(result, "PostgreSQL refused the sign-in", "MEDINFO_POSTGRES");
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_in_Production_on_PostgreSQL_without_a_key_ring_certificate_does_not_start()
    {
        var store = await postgres.CreateAsync(data);

        var result = await RunPortalAsync(new() { [MedInfoEnvironment.PostgreSql] = store.ConnectionString });

        AssertOneClearLine(result, "MedInfo:KeyRing:Certificate is not set", "docs/deploy.md");
    }

    [Fact]
    public async Task A_key_ring_certificate_that_is_not_there_is_named()
    {
        var result = await RunPortalAsync(new() { [MedInfoEnvironment.KeyRingCertificate] = Path.Combine(data, "nowhere.pfx") });

        AssertOneClearLine(result, "nowhere.pfx, which does not exist");
    }

    /// <summary>
    /// The portal's build folder, if every folder above it lets other users through; else a copy in the temp folder
    /// (a clone under root's home is closed to 'nobody').
    /// </summary>
    private string FolderOthersCanRun()
    {
        var open = true;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            open &= (File.GetUnixFileMode(folder.FullName) & UnixFileMode.OtherExecute) != 0;
        }

        if (open)
        {
            return AppContext.BaseDirectory;
        }

        var copy = PortalCopy;
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return copy;
    }

    /// <summary>A migrated store in the data folder, as a portal leaves it, with <paramref name="then"/> done in it.</summary>
    private async Task MakeStoreAsync(Func<ServiceProvider, Task>? then = null)
    {
        await using (var services = new ServiceCollection().AddLogging().AddMedInfoStore(data).BuildServiceProvider())
        {
            await StoreSetup.MigrateAsync(services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MedInfoDb>>());
            if (then is not null)
            {
                await then(services);
            }
        }

        SqliteConnection.ClearAllPools();
    }

    private static void AssertOneClearLine(PortalRun result, params string[] says)
    {
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("MedInfo cannot start: ", line, StringComparison.Ordinal);
        foreach (var text in says)
        {
            Assert.Contains(text, line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Output + result.Error, StringComparison.Ordinal);
    }

    private sealed record PortalRun(int ExitCode, string Output, string Error);

    private async Task<PortalRun> RunPortalAsync(Dictionary<string, string>? environment = null, bool asOrdinaryUser = false)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var binaries = asOrdinaryUser ? FolderOthersCanRun() : AppContext.BaseDirectory;
        var start = new ProcessStartInfo(asOrdinaryUser ? "setpriv" : dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = binaries,
        };
        if (asOrdinaryUser)
        {
            // util-linux's setpriv: the user 'nobody', with a home it may write (the data-protection keys go there).
            foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", dotnet })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(Path.Combine(binaries, "MedInfo.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment[MedInfoEnvironment.DataDirectory] = data;
        start.Environment["MedInfo__ContentDirectory"] = RepositoryPaths.Content;
        start.Environment.Remove(MedInfoEnvironment.PostgreSql);
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The portal started although its store cannot be used: " + await output);
        }

        return new PortalRun(process.ExitCode, await output, await error);
    }
}
