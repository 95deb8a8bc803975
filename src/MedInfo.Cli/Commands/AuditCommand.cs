using System.CommandLine;
using MedInfo.Store.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary><c>medinfo audit verify</c>: checks the export audit trail's hash chain; exit 1 when it is broken.</summary>
internal static class AuditCommand
{
    public static Command Create(Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var verify = new Command("verify", "Check that no export record was changed or removed outside the app.");
        verify.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = await StoreAccess.OpenAsync(parse.GetValue(dataOption), cancellationToken).ConfigureAwait(false);
            var audit = provider.GetRequiredService<AuditTrail>();
            var result = await audit.VerifyAsync(cancellationToken).ConfigureAwait(false);
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await output.WriteLineAsync(result.Intact
                ? $"{result.Records} export records; the chain is intact."
                : $"{result.Records} export records; {result.Problems.Count} problem(s): the audit trail was altered outside MedInfo.").ConfigureAwait(false);
            return result.Intact ? 0 : 1;
        });
        return new Command("audit", "The export audit trail.") { verify };
    }
}
