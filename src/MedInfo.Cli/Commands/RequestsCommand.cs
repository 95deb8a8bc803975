using System.CommandLine;
using MedInfo.Store.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedInfo.Cli.Commands;

/// <summary><c>medinfo requests purge</c>: erases the personal data of requests closed longer ago than the retention period.</summary>
internal static class RequestsCommand
{
    public static Command Create(Option<string?> dataOption, TextWriter output)
    {
        var days = new Option<int?>("--keep-days")
        {
            Description = $"Days after closing to keep a request's personal data. Default: the portal's setting ({RequestOptions.Section}:KeepPersonalDataDays, ${MedInfo.Store.MedInfoEnvironment.KeepPersonalDataDays}), else {new RequestOptions().KeepPersonalDataDays}.",
        };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0)
            {
                result.AddError("--keep-days is a number of days, 0 or more.");
            }
        });
        var purge = new Command("purge", "Erase the personal data of requests closed longer ago than the retention period (the request log stays verifiable).") { days };
        purge.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = await StoreAccess.OpenAsync(parse.GetValue(dataOption), cancellationToken, parse.GetValue(days)).ConfigureAwait(false);
            var keep = provider.GetRequiredService<IOptions<RequestOptions>>().Value.KeepPersonalDataDays;
            var erased = await provider.GetRequiredService<RequestDesk>().PurgeAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Erased the personal data of {erased} request(s) closed more than {keep} days ago.").ConfigureAwait(false);
            return 0;
        });
        return new Command("requests", "Medical information requests.") { purge };
    }
}
