using MedInfo.Content.Tests;

namespace MedInfo.Cli.Tests;

/// <summary><c>medinfo check</c>: exit 0 on good content, non-zero with path:line:column for each mistake.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string copy = Directory.CreateTempSubdirectory("medinfo-check-").FullName;

    public void Dispose() => Directory.Delete(copy, recursive: true);

    [Fact]
    public async Task The_repositorys_content_checks_clean()
    {
        var result = await CliRun.RunAsync("check", RepositoryPaths.Content);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 errors", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_with_a_missing_reference_a_bad_date_and_a_short_row_names_file_and_line_for_each()
    {
        var file = Path.Combine(copy, "poems-syndrome.md");
        var lines = (await File.ReadAllLinesAsync(RepositoryPaths.SeedMarkdown)).ToList();
        var dateLine = lines.FindIndex(l => l.StartsWith("last-updated:", StringComparison.Ordinal));
        var citeLine = lines.FindIndex(l => l.Contains("Dima et al (2023)[@dima2023] reported a retrospective", StringComparison.Ordinal));
        var rowLine = lines.FindIndex(l => l.StartsWith("| Female, n (%)", StringComparison.Ordinal));
        lines[dateLine] = "last-updated: 2025-02-30";
        lines[citeLine] = lines[citeLine].Replace("[@dima2023]", "[@dima2099]", StringComparison.Ordinal);
        lines[rowLine] = "| Female, n (%) | 4 (57) |";
        await File.WriteAllLinesAsync(file, lines);

        var result = await CliRun.RunAsync("check", copy);

        Assert.NotEqual(0, result.ExitCode);
        var path = Path.Join(copy, "poems-syndrome.md");
        Assert.Contains($"{path}:{dateLine + 1}:15: error: 'last-updated' must be a real date", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{path}:{citeLine + 1}:20: error: Citation [@dima2099] has no reference", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{path}:{rowLine + 1}:1: error: This row has 2 cells but the table has 3 columns", result.Output, StringComparison.Ordinal);
        Assert.Contains("3 errors", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_writes_a_draft_letter_that_checks_clean_and_never_overwrites_one()
    {
        var created = await CliRun.RunAsync("new", "zentravir", "zentravir-new-letter", "--content", copy);
        var check = await CliRun.RunAsync("check", copy);
        var again = await CliRun.RunAsync("new", "zentravir", "zentravir-new-letter", "--content", copy);
        var bad = await CliRun.RunAsync("new", "zentravir", "New Letter", "--content", copy);

        var path = Path.Join(copy, "zentravir", "zentravir-new-letter.md");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains(path, created.Output, StringComparison.Ordinal);
        Assert.Equal((0, "Checked 1 files: 0 errors, 0 warnings."), (check.ExitCode, check.Output.Trim().Split('\n')[^1]));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists; nothing was written", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("may only use lowercase letters", bad.Error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(copy, "*.md", SearchOption.AllDirectories));
    }
}
