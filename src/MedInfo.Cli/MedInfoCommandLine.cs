using System.CommandLine;
using MedInfo.Cli.Commands;

namespace MedInfo.Cli;

/// <summary>The command tree. Output goes to the writers given, so tests can read it.</summary>
public static class MedInfoCommandLine
{
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="passwords">Where `users add` reads a password; standard input when not given.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, PasswordSource? passwords = null)
    {
        passwords ??= new PasswordSource(Console.In, interactive: !Console.IsInputRedirected);
        var dataOption = new Option<string?>("--data")
        {
            Description = $"Folder of the store (medinfo.db). Default: ${MedInfo.Store.MedInfoEnvironment.DataDirectory}, else ./data.",
            Recursive = true,
        };

        var root = new RootCommand("MedInfo: medical information letters, from Markdown content to the store, PDFs and staff accounts.");
        root.Options.Add(dataOption);
        root.Subcommands.Add(ContentCommands.Check(output, error));
        root.Subcommands.Add(ContentCommands.Import(dataOption, output, error));
        root.Subcommands.Add(ContentCommands.New(output, error));
        root.Subcommands.Add(ContentCommands.Schema(output));
        root.Subcommands.Add(ListCommand.Create(dataOption, output));
        root.Subcommands.Add(PdfCommand.Create(dataOption, output, error));
        root.Subcommands.Add(UsersCommand.Create(dataOption, passwords, output, error));
        root.Subcommands.Add(AuditCommand.Create(dataOption, output, error));
        root.Subcommands.Add(RequestsCommand.Create(dataOption, output));
        root.Subcommands.Add(BackupCommands.Backup(dataOption, output, error));
        root.Subcommands.Add(BackupCommands.Restore(dataOption, output, error));

        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (MedInfo.Store.MedInfoException problem)
        {
            // The command line's one mapping: the message, and exit code 2 for a part that is missing or busy
            // (Chromium, say), 1 for everything else.
            await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            return problem.Kind is MedInfo.Store.ProblemKind.Unavailable or MedInfo.Store.ProblemKind.Busy ? 2 : 1;
        }
        catch (Exception e) when (MedInfo.Store.StoreProblem.Describe(e, StoreOrNull(parsed.GetValue(dataOption)), Commands.StoreAccess.DataDirectory(parsed.GetValue(dataOption))) is { } line)
        {
            // A store that is down, refuses us, is damaged or not ours: one line that says what to do, no stack.
            await error.WriteLineAsync(line).ConfigureAwait(false);
            return 1;
        }
        catch (Exception e)
        {
            // What System.CommandLine's own handler printed before: anything else is a bug, shown whole.
            await error.WriteLineAsync("Unhandled exception: " + e).ConfigureAwait(false);
            return 1;
        }
    }

    private static MedInfo.Store.StoreConnection? StoreOrNull(string? dataOption)
    {
        try
        {
            return Commands.StoreAccess.Connection(dataOption);
        }
        catch (MedInfo.Store.StoreConfigurationException)
        {
            return null;
        }
    }
}
