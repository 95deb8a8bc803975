using MedInfo.Content.Tests;
using MedInfo.Store;
using MedInfo.Store.Audit;
using MedInfo.Store.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Tests;

/// <summary><c>medinfo pdf</c> and <c>medinfo users add</c> against a store of their own.</summary>
public sealed class PdfAndUsersCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("medinfo-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Pdf_writes_the_letter_and_records_the_export()
    {
        Assert.Equal(0, (await CliRun.RunAsync("import", RepositoryPaths.Content, "--data", data)).ExitCode);
        var file = Path.Combine(data, "letter.pdf");

        var result = await CliRun.RunAsync("pdf", "darzalex-poems-syndrome", "-o", file, "--data", data);

        Assert.Equal(0, result.ExitCode);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        await using var services = new ServiceCollection().AddLogging().AddMedInfoStore(data).BuildServiceProvider();
        var audit = services.GetRequiredService<AuditTrail>();
        var record = Assert.Single(await audit.ListAsync(new ExportQuery()));
        Assert.Equal("cli", record.Source);
        Assert.Contains(record.PdfSha256, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_reports_an_intact_chain_after_exports()
    {
        Assert.Equal(0, (await CliRun.RunAsync("import", RepositoryPaths.Content, "--data", data)).ExitCode);
        await CliRun.RunAsync("pdf", "darzalex-poems-syndrome", "-o", Path.Combine(data, "a.pdf"), "--data", data);
        await CliRun.RunAsync("pdf", "darzalex-poems-syndrome", "-o", Path.Combine(data, "b.pdf"), "--data", data);

        var result = await CliRun.RunAsync("audit", "verify", "--data", data);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 export records; the chain is intact.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_restored_over_a_lost_store_brings_back_letters_and_the_audit_trail()
    {
        var backup = Path.Combine(data, "backups", "medinfo-backup.db");
        Assert.Equal(0, (await CliRun.RunAsync("import", RepositoryPaths.Content, "--data", data)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("pdf", "darzalex-poems-syndrome", "-o", Path.Combine(data, "a.pdf"), "--data", data)).ExitCode);

        var made = await CliRun.RunAsync("backup", backup, "--data", data);
        SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(data, StoreLocation.FileName)); // the store is lost
        var restored = await CliRun.RunAsync("restore", backup, "--data", data);

        Assert.Equal(0, made.ExitCode);
        Assert.Equal(0, restored.ExitCode);
        Assert.Contains("darzalex-poems-syndrome\tv1\tpublished", (await CliRun.RunAsync("list", "--data", data)).Output, StringComparison.Ordinal);
        Assert.Contains("1 export records; the chain is intact.", (await CliRun.RunAsync("audit", "verify", "--data", data)).Output, StringComparison.Ordinal);
        Assert.Equal(1, (await CliRun.RunAsync("backup", backup, "--data", data)).ExitCode); // never overwrites a backup
    }

    [Fact]
    public async Task A_truncated_or_lost_store_is_refused_and_verify_says_the_checkpoint_outlived_it()
    {
        // Its own processes, with a home folder of its own for keys: the machine's ~/.aspnet keys (copied into every
        // new store) would otherwise decide whether the lost store's key comes back.
        var environment = new Dictionary<string, string> { ["MedInfo__KeyRing__HomeFolderKeys"] = Path.Combine(data, "home-keys") };
        Assert.Equal(0, (await CliRun.RunProcessAsync(environment, "import", RepositoryPaths.Content, "--data", data)).ExitCode);
        Assert.Equal(0, (await CliRun.RunProcessAsync(environment, "pdf", "darzalex-poems-syndrome", "-o", Path.Combine(data, "a.pdf"), "--data", data)).ExitCode);
        await File.WriteAllBytesAsync(Path.Combine(data, StoreLocation.FileName), []); // truncate -s 0

        var truncated = await CliRun.RunProcessAsync(environment, "list", "--data", data);
        File.Delete(Path.Combine(data, StoreLocation.FileName)); // the file gone altogether: a new, empty store is made...
        var verify = await CliRun.RunProcessAsync(environment, "audit", "verify", "--data", data);

        Assert.Equal(1, truncated.ExitCode);
        Assert.Contains("is empty (0 bytes)", truncated.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", truncated.Error, StringComparison.Ordinal);
        Assert.Equal(1, verify.ExitCode); // ...but the checkpoint, sealed by the lost store's key, is not taken for a new start
        Assert.Contains("audit-checkpoint.json cannot be verified", verify.Error, StringComparison.Ordinal);
        Assert.Contains("the store was lost", verify.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_an_older_backup_says_which_records_it_rolls_back_and_then_verifies()
    {
        var backup = Path.Combine(data, "backups", "older.db");
        Assert.Equal(0, (await CliRun.RunAsync("import", RepositoryPaths.Content, "--data", data)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("pdf", "darzalex-poems-syndrome", "-o", Path.Combine(data, "a.pdf"), "--data", data)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("backup", backup, "--data", data)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("pdf", "darzalex-poems-syndrome", "-o", Path.Combine(data, "b.pdf"), "--data", data)).ExitCode);
        SqliteConnection.ClearAllPools();

        var restored = await CliRun.RunAsync("restore", backup, "--data", data);
        var verify = await CliRun.RunAsync("audit", "verify", "--data", data);

        Assert.Equal(0, restored.ExitCode);
        Assert.Contains("Warning: ", restored.Error, StringComparison.Ordinal);
        Assert.Contains("export record 2", restored.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, AuditCheckpoint.FileName + ".before-restore")));
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("1 export records; the chain is intact.", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_damaged_file_is_refused_and_changes_nothing()
    {
        Assert.Equal(0, (await CliRun.RunAsync("import", RepositoryPaths.Content, "--data", data)).ExitCode);
        var damaged = Path.Combine(data, "damaged.db");
        await File.WriteAllBytesAsync(damaged, [.. System.Text.Encoding.ASCII.GetBytes("SQLite format 3\0"), .. new byte[4096]]);

        var result = await CliRun.RunAsync("restore", damaged, "--data", data);

        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(data, StoreLocation.FileName + ".before-restore")));
        Assert.Contains("darzalex-poems-syndrome", (await CliRun.RunAsync("list", "--data", data)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_of_an_unknown_letter_says_so_and_fails()
    {
        var result = await CliRun.RunAsync("pdf", "no-such-letter", "-o", Path.Combine(data, "x.pdf"), "--data", data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No published letter 'no-such-letter'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_reads_the_password_from_stdin_and_makes_an_admin_who_is_also_staff()
    {
        var result = await CliRun.RunWithInputAsync("a long enough password\n", "users", "add", "lead@example.org", "--role", "Admin", "--data", data);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("a long enough password", result.Output + result.Error, StringComparison.Ordinal);
        await using var provider = IdentityServices();
        var users = provider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync("lead@example.org");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, "a long enough password"));
        Assert.Equal([StaffIdentity.AdminRole, StaffIdentity.StaffRole], (await users.GetRolesAsync(user)).Order());
    }

    [Fact]
    public async Task Users_add_refuses_a_short_password_an_unknown_role_and_a_second_account_for_one_email()
    {
        var shortPassword = await CliRun.RunWithInputAsync("short\n", "users", "add", "a@example.org", "--data", data);
        var badRole = await CliRun.RunWithInputAsync("a long enough password\n", "users", "add", "a@example.org", "--role", "Root", "--data", data);
        var first = await CliRun.RunWithInputAsync("a long enough password\n", "users", "add", "a@example.org", "--data", data);
        var again = await CliRun.RunWithInputAsync("a long enough password\n", "users", "add", "a@example.org", "--data", data);

        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("at least 12 characters", shortPassword.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already an account", again.Error, StringComparison.Ordinal);
    }

    private ServiceProvider IdentityServices()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMedInfoStore(data);
        services.AddIdentityCore<IdentityUser>(StaffIdentity.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<MedInfoDb>();
        return services.BuildServiceProvider();
    }
}
