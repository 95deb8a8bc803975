using System.Text.Json;
using MedInfo.Pdf;
using MedInfo.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedInfo.Web.Hosting;

/// <summary>
/// /healthz: the store answers (unhealthy: the portal cannot serve), the content folder is there and Chromium is
/// installed (degraded: reading works, imports or PDFs do not). The answer lists each check, so an operator sees
/// which part is down.
/// </summary>
internal static class PortalHealth
{
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreCheck>("store")
            .AddCheck<ContentCheck>("content")
            .AddCheck<PdfEngineCheck>("pdf-engine");
        return services;
    }

    public static IEndpointConventionBuilder MapPortalHealth(this IEndpointRouteBuilder routes) =>
        routes.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });

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

    private sealed class StoreCheck(IDbContextFactory<MedInfoDb> factory, StoreConnection store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
