using System.Threading.RateLimiting;
using MedInfo.Delivery;
using MedInfo.Import;
using MedInfo.Pdf;
using MedInfo.Store;
using MedInfo.Web.Components;
using MedInfo.Web.Components.Pages;
using MedInfo.Web.Components.Pages.Ask;
using MedInfo.Web.Components.Pages.Editing;
using MedInfo.Web.Components.Pages.Insights;
using MedInfo.Web.Components.Pages.Letter;
using MedInfo.Web.Components.Pages.Requests;
using MedInfo.Web.Components.Pages.Responses;
using MedInfo.Web.Components.Pages.Search;
using MedInfo.Web.Components.Pages.Staff;
using MedInfo.Web.Components.UI;
using MedInfo.Web.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Hosting;

/// <summary>Everything the portal registers and the order of its request pipeline, so Program.cs stays short.</summary>
public static class PortalSetup
{
    /// <summary>The largest request body the portal accepts (1 MiB).</summary>
    public const long MaxRequestBody = 1024 * 1024;

    public static WebApplicationBuilder AddMedInfoPortal(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line with the request's scope (RequestId, RequestPath, TraceId): what log
            // collectors index, and the RequestId is the reference the error page and X-Request-Id show.
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // The MEDINFO_* variables join the configuration here, over appsettings; nothing else reads them.
        builder.Configuration.AddInMemoryCollection(MedInfoEnvironment.AsConfiguration());

        // Bound once, checked at start-up, read through IOptions everywhere. The folders default to the
        // repository's content/ and data/ (or the app's own folder when deployed alone).
        var repository = RepositoryFolder.Find(builder.Environment.ContentRootPath);
        builder.Services.AddOptions<PortalOptions>()
            .Bind(builder.Configuration.GetSection(PortalOptions.Section))
            .PostConfigure(o => o.ApplyDefaults(repository))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        options.ApplyDefaults(repository); // the same values, for the registrations below that need them now

        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(circuit =>
            {
                // Set on purpose: only the search box is interactive, so few, short-lived circuits are expected.
                circuit.DisconnectedCircuitMaxRetained = 50;
                circuit.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
                circuit.MaxBufferedUnacknowledgedRenderBatches = 5;
            })
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 16 * 1024);
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider, RequestAntiforgeryTokens>();
        builder.Services.AddComponentStateOfComponentsOnly();

        // PostgreSQL when MEDINFO_POSTGRES or ConnectionStrings:PostgreSql names one; else SQLite in the data folder.
        // Its key ring is in the store; in Production on PostgreSQL (keys in a shared database) it must be encrypted.
        Directory.CreateDirectory(options.DataDirectory);
        var store = StoreConnection.Resolve(options.DataDirectory, builder.Configuration.GetConnectionString("PostgreSql"));
        var keyRing = builder.Configuration.GetSection(MedInfo.Store.KeyRing.KeyRingOptions.Section).Get<MedInfo.Store.KeyRing.KeyRingOptions>() ?? new MedInfo.Store.KeyRing.KeyRingOptions();
        keyRing.RequireCertificate |= builder.Environment.IsProduction() && store.Provider == StoreProvider.PostgreSql;
        builder.Services.AddMedInfoStore(store, options.DataDirectory, keyRing);
        builder.Services.AddMedInfoImport();
        builder.Services.AddMedInfoPdf(pdf =>
        {
            builder.Configuration.GetSection(PdfOptions.Section).Bind(pdf);
            pdf.CacheDirectory = PdfOptions.CacheDirectoryIn(options.DataDirectory);
            pdf.CoverLetterTemplatePath = Path.Combine(options.ContentDirectory, MedInfo.Rendering.Print.CoverLetterTemplate.RelativePath);
        });
        builder.Services.AddMedInfoStaff();
        builder.Services.AddMedInfoDelivery(mail => builder.Configuration.GetSection(MailOptions.Section).Bind(mail));
        builder.Services.AddOptions<MedInfo.Store.Delivery.DeliveryOptions>()
            .Bind(builder.Configuration.GetSection(MedInfo.Store.Delivery.DeliveryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<MedInfo.Store.Requests.RequestOptions>()
            .Bind(builder.Configuration.GetSection(MedInfo.Store.Requests.RequestOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<MedInfo.Store.Search.SearchOptions>()
            .Bind(builder.Configuration.GetSection(MedInfo.Store.Search.SearchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            var proxy = options.Proxy;
            if (proxy.KnownProxies.Count + proxy.KnownNetworks.Count > 0)
            {
                // Only the configured proxies: the loopback default would also believe a header sent from this machine.
                // An entry that does not parse stops the start (ProxyOptions.Validate) before this is used.
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var address in proxy.KnownProxies)
                {
                    if (System.Net.IPAddress.TryParse(address, out var parsed))
                    {
                        forwarded.KnownProxies.Add(parsed);
                    }
                }

                foreach (var network in proxy.KnownNetworks)
                {
                    if (System.Net.IPNetwork.TryParse(network, out var parsed))
                    {
                        forwarded.KnownIPNetworks.Add(parsed);
                    }
                }
            }
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CircuitClient>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitClientHandler>();
        builder.Services.AddSingleton<SuggestionBudget>();
        builder.Services.AddSingleton<ContentImportStatus>();
        builder.Services.AddSingleton<ContentStartup>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ContentStartup>());
        builder.Services.AddHostedService<RetentionJob>(); // after the store is ready
        builder.Services.AddHostedService<MedInfo.Web.Components.Pages.Search.SearchIndexStartup>();
        builder.Services.AddSingleton<PdfEngineStartup>();
        builder.Services.AddHostedService(s => s.GetRequiredService<PdfEngineStartup>());
        builder.Services.AddSingleton<LetterPageBodies>();
        builder.Services.AddHostedService<OtherBuildsBodiesCleanup>(); // after the store is ready
        builder.Services.AddSingleton<LetterViewCounter>();
        builder.Services.AddHostedService(s => s.GetRequiredService<LetterViewCounter>());
        builder.Services.AddSingleton<MedInfo.Web.Components.Pages.Search.SearchCounter>();
        builder.Services.AddSingleton<MedInfo.Web.Components.Pages.Search.ProductOptions>();
        builder.Services.AddHostedService(s => s.GetRequiredService<MedInfo.Web.Components.Pages.Search.SearchCounter>());
        builder.Services.AddSingleton<MedInfo.Web.Components.Pages.Insights.InsightsNow>();
        builder.Services.AddSingleton<MedInfo.Web.Counting.IPendingCounts>(s => s.GetRequiredService<LetterViewCounter>());
        builder.Services.AddSingleton<MedInfo.Web.Counting.IPendingCounts>(s => s.GetRequiredService<MedInfo.Web.Components.Pages.Search.SearchCounter>());
        builder.Services.AddReaderPageCaching();
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(10);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalSetup).FullName!);
                PortalLog.RateLimited(logger, context.HttpContext.Request.Path, context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", seconds);
                return ValueTask.CompletedTask;
            };
            // Per client address: searching is cheap but unbounded; a PDF costs a Chromium print; sign-in
            // attempts are a password-guessing door (lockout covers one account, this covers many).
            var budget = options.RateLimits;
            limits.AddPolicy(SearchPage.RateLimit, http => PerClient(http, budget.SearchesPerMinute, TimeSpan.FromMinutes(1)));
            limits.AddPolicy(LetterPdfEndpoints.RateLimit, http => PerClient(http, budget.PdfExportsPerMinute, TimeSpan.FromMinutes(1)));
            limits.AddPolicy(NewPackagePage.RateLimit, http => PerClient(http, budget.PdfExportsPerMinute, TimeSpan.FromMinutes(1)));
            limits.AddPolicy(ResponseEndpoints.RateLimit, http => PerClient(http, budget.PdfExportsPerMinute, TimeSpan.FromMinutes(1)));
            limits.AddPolicy(AskPage.RateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? PerClient(http, budget.QuestionsPerHour, TimeSpan.FromHours(1))
                : RateLimitPartition.GetNoLimiter("read"));
            limits.AddPolicy(SignInPage.RateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? PerClient(http, budget.SignInsPerFiveMinutes, TimeSpan.FromMinutes(5))
                : RateLimitPartition.GetNoLimiter("read"));
        });
        builder.Services.AddPortalHealthChecks();

        // Nothing a reader or staff member sends is large (the biggest is a package form), so bodies are capped
        // well below Kestrel's 30 MB default, and forms with them.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBody;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.ValueLengthLimit = 64 * 1024;
            form.MultipartBodyLengthLimit = MaxRequestBody;
        });
        return builder;
    }

    /// <summary>
    /// Readies the store before the host starts (see <see cref="ContentStartup.PrepareAsync"/>). A store that cannot
    /// be used, or a data folder without access, is one line on standard error and exit code 1, never a stack trace.
    /// </summary>
    public static async Task<int> RunMedInfoPortalAsync(string[] args)
    {
        string? dataDirectory = null;
        StoreConnection? store = null;
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.AddMedInfoPortal();
            await using var app = builder.Build();
            // Every setting is checked before anything starts: a wrong one is one line here, not a host failure with a stack.
            app.Services.GetService<IStartupValidator>()?.Validate();
            dataDirectory = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.DataDirectory;
            store = app.Services.GetRequiredService<StoreConnection>();
            app.UseMedInfoPortal();
            var content = app.Services.GetRequiredService<ContentStartup>();
            await content.CheckStoreAsync(CancellationToken.None);
            // The store is usable, so the portal will start: Chromium starts meanwhile, over the first import and the
            // host's start, and is ready about when the portal is (docs/benchmarks.md, the first PDF).
            app.Services.GetRequiredService<PdfEngineStartup>().Begin();
            await content.PrepareAsync(CancellationToken.None);
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (StoreProblem.Describe(e, null, null) is not null || e is UnauthorizedAccessException or IOException or OptionsValidationException
            || e is AggregateException { InnerExceptions: var inner } && inner.All(i => i is OptionsValidationException))
        {
            dataDirectory ??= StoreLocation.DataDirectory(MedInfoEnvironment.Get(MedInfoEnvironment.DataDirectory));
            var message = e is AggregateException several ? string.Join(" ", several.InnerExceptions.Select(i => i.Message)) : e.Message;
            await Console.Error.WriteLineAsync("MedInfo cannot start: " + (StoreProblem.Describe(e, store, dataDirectory) ?? message));
            return 1;
        }
    }

    public static WebApplication UseMedInfoPortal(this WebApplication app)
    {
        // First: everything after it (errors, HSTS, rate limits, logs, cookies) sees the reader's address and scheme.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,

                // A store that cannot answer right now is a 503 the client may retry (the error page adds Retry-After).
                StatusCodeSelector = e => StoreProblem.IsMomentary(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.Use((context, next) =>
        {
            // HEAD is GET without the body (RFC 9110), and link checkers ask it; Blazor maps its pages for GET only,
            // so a HEAD would be 404. Kestrel keeps the method it parsed and sends no body.
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        app.UseRouting(); // after the HEAD rewrite, so the page's GET endpoint is the one matched
        app.Use((context, next) =>
        {
            // The reference a reader can quote: the same id is in every log line written for this request. Set as
            // the response starts, so the error page (which clears the headers of the failed response) carries it too.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
                return Task.CompletedTask;
            });

            // Refused before anything reads it; Kestrel's own limit covers bodies sent without a length.
            if (context.Request.ContentLength > MaxRequestBody)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRateLimiter();
        app.UseReaderPageCacheHeaders();
        app.UseOutputCache();
        app.UseReaderPageCompression();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapPortalHealth();
        var endpoints = app.MapGroup(string.Empty).AddEndpointFilter<ProblemAnswers>();
        endpoints.MapLetterPdfEndpoints();
        endpoints.MapLetterFigureEndpoints();
        endpoints.MapStaffEndpoints();
        endpoints.MapResponseEndpoints();
        endpoints.MapInsightsEndpoints();
        endpoints.MapEditingEndpoints(app.Environment);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null); // SecurityHeaders sends frame-ancestors 'none'
        return app;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, int permits, TimeSpan window) =>
        RateLimitPartition.Get(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new ClientWindowLimiter(permits, window, http.RequestServices.GetRequiredService<TimeProvider>()));
}

/// <summary>The portal's own log messages about requests.</summary>
internal static partial class PortalLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached: {Path} refused for {Client}; retry after {Seconds} s.")]
    public static partial void RateLimited(ILogger logger, string path, string client, int seconds);
}
