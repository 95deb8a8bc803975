namespace MedInfo.Cli.Tests;

public sealed record CliResult(int ExitCode, string Output, string Error);

public static class CliRun
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MedInfoCommandLine.RunAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
