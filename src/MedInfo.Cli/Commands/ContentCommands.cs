using System.CommandLine;
using MedInfo.Content;
using MedInfo.Content.Diagnostics;
using MedInfo.Import;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary><c>medinfo check DIR</c>, <c>medinfo import DIR</c>, and the editors' helpers <c>new</c> and <c>schema</c>.</summary>
internal static class ContentCommands
{
    public static Command New(TextWriter output, TextWriter error)
    {
        var product = new Argument<string>("PRODUCT-FOLDER") { Description = "The product's folder under the content folder, for example zentravir" };
        var id = new Argument<string>("ID") { Description = "The new letter's id (lowercase, digits, hyphens), for example zentravir-missed-dose" };
        var content = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var command = new Command("new", "Write a new draft letter, PRODUCT-FOLDER/ID.md, that passes every check: a skeleton to fill in.") { product, id, content };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (folder, letterId, root) = (parse.GetValue(product)!, parse.GetValue(id)!, parse.GetValue(content)!);
            if (LetterSkeleton.Problem(folder, letterId) is { } problem)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
                return 1;
            }

            if (!Directory.Exists(root))
            {
                await error.WriteLineAsync($"The content folder '{root}' does not exist (give it with --content).").ConfigureAwait(false);
                return 1;
            }

            var path = Path.Join(root, LetterSkeleton.RelativePath(folder, letterId));
            if (File.Exists(path))
            {
                await error.WriteLineAsync($"{path} already exists; nothing was written.").ConfigureAwait(false);
                return 1;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, LetterSkeleton.Text(folder, letterId, DateOnly.FromDateTime(DateTime.Today)), cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Wrote {path} (status: draft). Fill it in, then: medinfo check {root}");
            return 0;
        });
        return command;
    }

    public static Command Schema(TextWriter output)
    {
        var directory = ContentDirectoryArgument();
        var command = new Command("schema", $"Write the front matter's JSON Schema to DIR/{MedInfo.Content.FrontMatter.FrontMatterSchema.FileName}, for editors' completion and checks while typing.") { directory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.Join(parse.GetValue(directory)!, MedInfo.Content.FrontMatter.FrontMatterSchema.FileName);
            await File.WriteAllTextAsync(path, MedInfo.Content.FrontMatter.FrontMatterSchema.Json(), cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Wrote {path}");
            return 0;
        });
        return command;
    }

    public static Command Check(TextWriter output, TextWriter error)
    {
        var directory = ContentDirectoryArgument();
        var command = new Command("check", "Check every letter under DIR and report mistakes as path:line:column. Writes nothing.") { directory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetValue(directory)!;
            // Checking keeps nothing of a letter but its messages.
            var read = await ContentTreeReader.ReadAsync(root, static source => source.RelativePath, ProgressReporter.For(error), cancellationToken: cancellationToken).ConfigureAwait(false);
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
