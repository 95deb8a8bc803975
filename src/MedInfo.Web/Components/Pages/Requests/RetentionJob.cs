using MedInfo.Store.Requests;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Components.Pages.Requests;

/// <summary>
/// Erases personal data past its retention period once at start-up and then daily, as `medinfo requests purge`
/// does by hand. Several portals on one store may all run it: erasing is idempotent and each request is erased once.
/// </summary>
internal sealed partial class RetentionJob(RequestDesk desk, IOptions<RequestOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var erased = await desk.PurgeAsync(stoppingToken);
                Erased(logger, erased, options.Value.KeepPersonalDataDays);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tried again tomorrow; the failure is in the log for whoever watches it.
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased the personal data of {Count} request(s) closed more than {Days} days ago.")]
    private static partial void Erased(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: erasing personal data failed; the next try is in a day.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
