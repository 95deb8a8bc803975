using System.Text.Json;
using MedInfo.Pdf;
using MedInfo.Store;
using MedInfo.Web.Components.Pages.Editing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedInfo.Web.Hosting;

/// <summary>
/// /healthz (readiness, for a load balancer): the store answers (unhealthy: the portal cannot serve), the content
/// folder is there and its last import worked, Chromium is installed (degraded: reading works, imports or PDFs do
/// not). The answer lists each check, so an operator sees which part is down. The store's answer is kept for a
/// moment, so a load balancer polling hard never becomes the database's load. /healthz/live (liveness) runs no
/// check at all: the process answers.
/// </summary>
internal static class PortalHealth
{
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<StoreProbe>();
        services.AddHealthChecks()
            .AddCheck<StoreCheck>("store")
            .AddCheck<ContentCheck>("content")
            .AddCheck<PdfEngineCheck>("pdf-engine");
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private sealed class StoreCheck(StoreProbe probe) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            probe.ResultAsync(cancellationToken);
    }

    /// <summary>
    /// Asks the store at most once per <see cref="Lifetime"/>; callers in between (and callers waiting while one asks)
    /// get the same answer.
    /// </summary>
    private sealed class StoreProbe(IDbContextFactory<MedInfoDb> factory, StoreConnection store, TimeProvider time) : IDisposable
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

        private readonly SemaphoreSlim asking = new(1, 1);
        private (HealthCheckResult Result, DateTimeOffset At)? last;

        public async Task<HealthCheckResult> ResultAsync(CancellationToken cancellationToken)
        {
            if (Fresh() is { } kept)
            {
                return kept;
            }

            await asking.WaitAsync(cancellationToken);
            try
            {
                if (Fresh() is { } meanwhile)
                {
                    return meanwhile;
                }

                var result = await AskAsync(cancellationToken);
                last = (result, time.GetUtcNow());
                return result;
            }
            finally
            {
                asking.Release();
            }
        }

        public void Dispose() => asking.Dispose();

        private HealthCheckResult? Fresh() =>
            last is { } kept && time.GetUtcNow() - kept.At < Lifetime ? kept.Result : null;

        private async Task<HealthCheckResult> AskAsync(CancellationToken cancellationToken)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                var letters = await db.Letters.CountAsync(cancellationToken);
                return HealthCheckResult.Healthy($"{letters} letters in the store ({store.Description}).");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy($"The store ({store.Description}) does not answer: {e.Message}");
            }
        }
    }

    private sealed class ContentCheck(Microsoft.Extensions.Options.IOptions<PortalOptions> settings, ContentImportStatus status) : IHealthCheck
    {
        private readonly PortalOptions options = settings.Value;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!Directory.Exists(options.ContentDirectory))
            {
                return Task.FromResult(HealthCheckResult.Degraded($"The content folder {options.ContentDirectory} is missing: letters are served, imports cannot run."));
            }

            // The last import in this portal failed: what is published is unchanged, but not what the editors wrote.
            if (status.Last is { Written: false } failed)
            {
                var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
                return Task.FromResult(HealthCheckResult.Degraded(
                    $"The last content import failed and wrote nothing: {failed.Summary} " + string.Join(" | ", errors.Take(5)) +
                    (errors.Count > 5 ? $" | and {errors.Count - 5} more" : string.Empty)));
            }

            return Task.FromResult(HealthCheckResult.Healthy("The content folder is there."));
        }
    }

    private sealed class PdfEngineCheck(ChromiumPdfEngine engine) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(engine.IsInstalled
                ? HealthCheckResult.Healthy("Chromium is installed.")
                : HealthCheckResult.Degraded(engine.InstallAdvice));
    }
}
