using System.CommandLine;
using MedInfo.Cli.Commands;

namespace MedInfo.Cli;

/// <summary>The command tree. Output goes to the writers given, so tests can read it.</summary>
public static class MedInfoCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var dataOption = new Option<string?>("--data")
        {
            Description = $"Folder of the store (medinfo.db). Default: ${MedInfo.Store.StoreLocation.EnvironmentVariable}, else ./data.",
            Recursive = true,
        };

        var root = new RootCommand("MedInfo: medical information letters, from Markdown content to the store.");
        root.Options.Add(dataOption);
        root.Subcommands.Add(ContentCommands.Check(output, error));
        root.Subcommands.Add(ContentCommands.Import(dataOption, output, error));
        root.Subcommands.Add(ListCommand.Create(dataOption, output));

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }
}
