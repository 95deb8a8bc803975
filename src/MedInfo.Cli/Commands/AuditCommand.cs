using System.CommandLine;
using System.Globalization;
using MedInfo.Store.Audit;
using MedInfo.Store.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary>
/// <c>medinfo audit verify</c>: checks both hash chains, the export records and the request log (with the personal
/// data still kept against its digests); exit 1 when either is broken. <c>--request</c> lists one request's steps.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var request = new Option<string?>("--request") { Description = "Also list every step of this request (MIR-2026-000123) on the request log." };
        var verify = new Command("verify", "Check that no export record or request step was changed or removed outside the app.") { request };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = await StoreAccess.OpenAsync(parse.GetValue(dataOption), cancellationToken).ConfigureAwait(false);
            var exports = await provider.GetRequiredService<AuditTrail>().VerifyAsync(cancellationToken).ConfigureAwait(false);
            var log = provider.GetRequiredService<RequestLog>();
            var steps = await log.VerifyAsync(cancellationToken).ConfigureAwait(false);
            foreach (var problem in exports.Problems.Concat(steps.Problems))
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await output.WriteLineAsync(exports.Intact
                ? $"{exports.Records} export records; the chain is intact."
                : $"{exports.Records} export records; {exports.Problems.Count} problem(s): the audit trail was altered outside MedInfo.").ConfigureAwait(false);
            await output.WriteLineAsync(steps.Intact
                ? $"{steps.Records} request events; the chain is intact."
                : $"{steps.Records} request events; {steps.Problems.Count} problem(s): the request log was altered outside MedInfo.").ConfigureAwait(false);

            if (parse.GetValue(request) is { } number)
            {
                var history = await log.HistoryAsync(number.Trim(), cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(history.Count == 0 ? $"No request {number} on the request log." : $"Request {number}:").ConfigureAwait(false);
                foreach (var step in history)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {step.Id,6}  {step.AtUtc:yyyy-MM-dd HH:mm:ss}Z  {step.Kind,-10} {step.UserName ?? "-",-20} {step.Details}")).ConfigureAwait(false);
                }
            }

            return exports.Intact && steps.Intact ? 0 : 1;
        });
        return new Command("audit", "The export audit trail and the request log.") { verify };
    }
}
