using MedInfo.Store;
using MedInfo.Store.Requests;
using MedInfo.Store.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Tests;

/// <summary><c>medinfo requests purge</c> and <c>medinfo audit verify --request</c> on a store a portal filled.</summary>
public sealed class RequestsCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("medinfo-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Purge_erases_what_is_past_retention_and_verify_lists_every_step_intact()
    {
        Assert.Equal(0, (await CliRun.RunAsync("audit", "verify", "--data", data)).ExitCode); // creates the store

        // A portal on this data folder took two requests three years ago and closed one of them.
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddYears(-3));
        string old, open;
        await using (var portal = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddLogging().AddMedInfoStore(data).BuildServiceProvider())
        {
            var desk = portal.GetRequiredService<RequestDesk>();
            old = await desk.SubmitAsync(Question("Dr. Old Example"));
            open = await desk.SubmitAsync(Question("Dr. Open Example"));
            await desk.SetStatusAsync(old, "alice@example.org", RequestStatus.Closed);
        }

        var kept = await CliRun.RunAsync("requests", "purge", "--keep-days", "2000", "--data", data);
        var purged = await CliRun.RunAsync("requests", "purge", "--data", data);
        var again = await CliRun.RunAsync("requests", "purge", "--data", data);
        var verify = await CliRun.RunAsync("audit", "verify", "--request", old, "--data", data);
        var negative = await CliRun.RunAsync("requests", "purge", "--keep-days", "-1", "--data", data);

        Assert.Contains("Erased the personal data of 0 request(s) closed more than 2000 days ago.", kept.Output, StringComparison.Ordinal);
        Assert.Contains("Erased the personal data of 1 request(s) closed more than 730 days ago.", purged.Output, StringComparison.Ordinal);
        Assert.Contains("Erased the personal data of 0 request(s)", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("4 request events; the chain is intact.", verify.Output, StringComparison.Ordinal);
        Assert.Contains("received", verify.Output, StringComparison.Ordinal);
        Assert.Contains("status: New → Closed", verify.Output, StringComparison.Ordinal);
        Assert.Contains("personal data erased", verify.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, negative.ExitCode);
        await using var reader = new ServiceCollection().AddLogging().AddMedInfoStore(data).BuildServiceProvider();
        Assert.Null((await reader.GetRequiredService<RequestDesk>().GetAsync(old, null))!.Person);
        Assert.Equal("Dr. Open Example", (await reader.GetRequiredService<RequestDesk>().GetAsync(open, null))!.Person!.Name);
    }

    private static NewRequest Question(string name) => new(
        RequesterKind.Hcp, name, "MD", null, "Canada", null, "old@example.org", null, ReplyChannel.Email, ["ZYLOMAB"], null,
        "Is ZYLOMAB stable after dilution?", false, false, null, true);
}
