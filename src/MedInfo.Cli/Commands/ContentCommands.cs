using System.CommandLine;
using MedInfo.Content;
using MedInfo.Content.Diagnostics;
using MedInfo.Import;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary><c>medinfo check DIR</c> and <c>medinfo import DIR</c>.</summary>
internal static class ContentCommands
{
    public static Command Check(TextWriter output, TextWriter error)
    {
        var directory = ContentDirectoryArgument();
        var command = new Command("check", "Check every letter under DIR and report mistakes as path:line:column. Writes nothing.") { directory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetValue(directory)!;
            var read = await ContentTreeReader.ReadAsync(root, ProgressReporter.For(error), cancellationToken: cancellationToken).ConfigureAwait(false);
            Print(read.Diagnostics, output);
            output.WriteLine($"Checked {read.FileCount} files: {Count(read.Diagnostics, Severity.Error)} errors, {Count(read.Diagnostics, Severity.Warning)} warnings.");
            return read.HasErrors ? 1 : 0;
        });
        return command;
    }

    public static Command Import(Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var directory = ContentDirectoryArgument();
        var command = new Command("import", "Check every letter under DIR and, if none has an error, load them into the store (all or nothing).") { directory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await StoreAccess.OpenAsync(parse.GetValue(dataOption), cancellationToken).ConfigureAwait(false);
            var report = await services.GetRequiredService<LetterImporter>().ImportAsync(parse.GetValue(directory)!, ProgressReporter.For(error), cancellationToken).ConfigureAwait(false);
            Print(report.Diagnostics, output);
            output.WriteLine(report.Summary);
            return report.HasErrors ? 1 : 0;
        });
        return command;
    }

    private static Argument<string> ContentDirectoryArgument() => new("DIR")
    {
        Description = "The content folder, for example content/",
    };

    private static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter output)
    {
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column))
        {
            output.WriteLine(diagnostic.ToString());
        }
    }

    private static int Count(IEnumerable<Diagnostic> diagnostics, Severity severity) => diagnostics.Count(d => d.Severity == severity);
}
