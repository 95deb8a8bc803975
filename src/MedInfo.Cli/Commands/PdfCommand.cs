using System.CommandLine;
using System.Globalization;
using MedInfo.Pdf;
using MedInfo.Store;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary><c>medinfo pdf &lt;letter-id&gt; -o file.pdf</c>: the same PDF as the portal's "Download PDF", recorded alike.</summary>
internal static class PdfCommand
{
    public static Command Create(Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var letterId = new Argument<string>("letter-id") { Description = "The letter's id (see 'medinfo list')." };
        var file = new Option<FileInfo>("--output", "-o") { Description = "Where to write the PDF.", Required = true };
        var version = new Option<int?>("--version") { Description = "A past version's number; default: the current version." };
        var command = new Command("pdf", "Export a letter as PDF (recorded in the export audit trail).") { letterId, file, version };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = await StoreAccess.OpenAsync(parse.GetValue(dataOption), cancellationToken).ConfigureAwait(false);
            var id = parse.GetValue(letterId)!;
            var export = await provider.GetRequiredService<PdfExports>()
                .ExportLetterAsync(id, parse.GetValue(version), $"os:{Environment.UserName}", "cli", cancellationToken).ConfigureAwait(false);
            if (export is null)
            {
                await error.WriteLineAsync($"No published letter '{id}'{(parse.GetValue(version) is { } n ? $" with version {n}" : string.Empty)}. See 'medinfo list'.").ConfigureAwait(false);
                return 1;
            }

            var target = parse.GetValue(file)!;
            await File.WriteAllBytesAsync(target.FullName, export.Content, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {target.FullName} ({export.Content.Length:N0} bytes, SHA-256 {export.Record.PdfSha256}); export record {export.Record.Id}.")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
