using MedInfo.Content.Tests;

namespace MedInfo.Cli.Tests;

/// <summary><c>medinfo import</c> and <c>medinfo list</c> against a store in a folder given with --data.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("medinfo-data-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Import_then_list_shows_the_seed_letter_and_a_second_import_writes_nothing()
    {
        var first = await CliRun.RunAsync("import", RepositoryPaths.Content, "--data", data);
        var second = await CliRun.RunAsync("import", RepositoryPaths.Content, "--data", data);
        var list = await CliRun.RunAsync("list", "--data", data);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1 new letters", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 new letters, 0 new versions of existing letters, 1 unchanged", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "medinfo.db")));
        Assert.Contains("darzalex-poems-syndrome\tv1\tpublished\t2025-05-08\tUse of DARZALEX + DARZALEX FASPRO", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_import_says_nothing_was_written_and_exits_non_zero()
    {
        var content = Directory.CreateDirectory(Path.Combine(data, "content")).FullName;
        await File.WriteAllTextAsync(Path.Combine(content, "bad.md"), "no front matter\n");

        var result = await CliRun.RunAsync("import", content, "--data", data);
        var list = await CliRun.RunAsync("list", "--data", data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.md:1:1: error:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", result.Output, StringComparison.Ordinal);
        Assert.Contains("0 letters.", list.Output, StringComparison.Ordinal);
    }
}
