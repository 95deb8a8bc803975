using System.Threading.RateLimiting;
using MedInfo.Store;
using MedInfo.Web.Components;
using MedInfo.Web.Startup;
using Microsoft.AspNetCore.RateLimiting;

namespace MedInfo.Web.Extensions;

/// <summary>Everything the portal registers and the order of its request pipeline, so Program.cs stays short.</summary>
public static class PortalSetup
{
    public const string SearchRateLimit = "search";

    public static WebApplicationBuilder AddMedInfoPortal(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var repository = RepositoryFolder.Find(builder.Environment.ContentRootPath);
        options.ContentDirectory = Path.GetFullPath(options.ContentDirectory ?? Path.Combine(repository, "content"));
        options.DataDirectory = StoreLocation.DataDirectory(options.DataDirectory ?? Path.Combine(repository, "data"));
        builder.Services.AddSingleton(options);

        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(circuit =>
            {
                // Set on purpose: only the search box is interactive, so few, short-lived circuits are expected.
                circuit.DisconnectedCircuitMaxRetained = 50;
                circuit.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
                circuit.MaxBufferedUnacknowledgedRenderBatches = 5;
            })
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 16 * 1024);

        builder.Services.AddMedInfoStore(options.DataDirectory);
        builder.Services.AddHostedService<ContentStartup>();
        builder.Services.AddOutputCache(cache =>
        {
            cache.AddPolicy(LetterCaching.Policy, new LetterOutputCachePolicy());
        });
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "10";
                return ValueTask.CompletedTask;
            };
            limits.AddPolicy(SearchRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseMedInfoPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRateLimiter();
        app.UseLetterCacheHeaders();
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null); // SecurityHeaders sends frame-ancestors 'none'
        return app;
    }
}
