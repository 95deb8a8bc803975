using MedInfo.Cli.Commands;

namespace MedInfo.Cli.Tests;

public sealed record CliResult(int ExitCode, string Output, string Error);

public static class CliRun
{
    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs with <paramref name="input"/> as standard input (not a terminal), as a pipe would give it.</summary>
    public static async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stdin = new StringReader(input);
        var exitCode = await MedInfoCommandLine.RunAsync(args, output, error, new PasswordSource(stdin, interactive: false));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
