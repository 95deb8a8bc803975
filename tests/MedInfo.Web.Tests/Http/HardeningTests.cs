using System.Collections.Concurrent;
using System.Net;
using MedInfo.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MedInfo.Web.Tests.Http;

/// <summary>HSTS only outside Development, and only over HTTPS (browsers ignore it over HTTP).</summary>
public sealed class HstsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Production_over_https_sends_strict_transport_security()
    {
        var client = portal.CreateClient(new() { BaseAddress = new Uri("https://medinfo.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=", hsts, StringComparison.Ordinal);
    }
}

public sealed class DevelopmentHeaderTests(DevelopmentPortalFactory portal) : IClassFixture<DevelopmentPortalFactory>
{
    [Fact]
    public async Task Development_sends_no_strict_transport_security_so_localhost_is_not_pinned_to_https()
    {
        var client = portal.CreateClient(new() { BaseAddress = new Uri("https://medinfo.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>After sign-in only paths on this site are followed: a phishing link cannot borrow the sign-in page.</summary>
public sealed class SignInRedirectTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_off_this_site_is_replaced_by_the_staff_home(string returnUrl)
    {
        var email = $"redirect-{Guid.NewGuid():N}@example.org";
        await StaffSession.CreateUserAsync(portal, email);
        var client = StaffSession.Client(portal);
        var path = "/staff/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var response = await StaffSession.PostFormAsync(client, path, "signin", [new("Input.Email", email), new("Input.Password", StaffSession.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/requests", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_return_address_on_this_site_is_followed()
    {
        var email = $"redirect-{Guid.NewGuid():N}@example.org";
        await StaffSession.CreateUserAsync(portal, email);
        var client = StaffSession.Client(portal);

        var response = await StaffSession.PostFormAsync(client, "/staff/signin?ReturnUrl=%2Fstaff%2Fpackages%2Fnew", "signin", [new("Input.Email", email), new("Input.Password", StaffSession.Password)]);

        Assert.Equal("/staff/packages/new", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }
}

/// <summary>Structured logs: JSON lines outside Development, and every line written for a request carries its id.</summary>
public sealed class RequestLogTests(RequestLogTests.Factory portal) : IClassFixture<RequestLogTests.Factory>
{
    public sealed class Factory : PortalFactory
    {
        public ConcurrentQueue<(string Category, string Message, Dictionary<string, object?> Scope)> Entries { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MedInfo:RateLimits:SearchesPerMinute", "1");
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Entries)));
        }
    }

    [Fact]
    public void Outside_development_logs_are_json_lines_with_scopes()
    {
        var console = portal.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = portal.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(json.IncludeScopes);
    }

    [Fact]
    public async Task A_refused_search_is_logged_with_the_request_id_the_response_names()
    {
        var client = portal.CreateHcpClient();
        HttpResponseMessage response;
        do
        {
            response = await client.GetAsync("/search?q=poems");
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests);

        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        var entry = Assert.Single(portal.Entries, e => e.Message.StartsWith("Rate limit reached: /search", StringComparison.Ordinal) && Equals(e.Scope.GetValueOrDefault("RequestId"), requestId));
        Assert.Equal("/search", entry.Scope["RequestPath"]);
    }

    /// <summary>Keeps each log entry with the scope values around it, as a log collector would see them.</summary>
    private sealed class CapturingLoggerProvider(ConcurrentQueue<(string, string, Dictionary<string, object?>)> entries) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        private ConcurrentQueue<(string, string, Dictionary<string, object?>)> Entries => entries;

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(string category, CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                provider.scopes.ForEachScope((value, into) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            into[key] = item;
                        }
                    }
                }, scope);
                provider.Entries.Enqueue((category, formatter(state, exception), scope));
            }
        }
    }
}

/// <summary><c>medinfo backup</c>'s online backup while the portal serves readers: consistent copy, no reader errors.</summary>
public sealed class BackupWhileServingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_backup_taken_while_readers_read_is_whole_and_every_read_succeeds()
    {
        var client = portal.CreateHcpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var dataDirectory = Path.Combine(portal.Root, "data");
        var backupFile = Path.Combine(portal.Root, "backups", "medinfo-backup.db");

        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(async i =>
        {
            var statuses = new List<HttpStatusCode>();
            var paths = new[] { "/", "/letters/darzalex-poems-syndrome", "/search?q=daratumumab", "/letters/darzalex-poems-syndrome/history" };
            while (!stop.IsCancellationRequested)
            {
                statuses.Add((await client.GetAsync(paths[statuses.Count % paths.Length], CancellationToken.None)).StatusCode);
            }

            return statuses;
        }).ToList();

        await Task.Delay(300);
        await Task.Run(() => StoreBackup.Backup(dataDirectory, backupFile));
        await Task.Delay(300);
        await stop.CancelAsync();
        var statuses = (await Task.WhenAll(readers)).SelectMany(s => s).ToList();

        Assert.True(statuses.Count > 20, $"{statuses.Count} reads");
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
        await using var backup = new SqliteConnection($"Data Source={backupFile};Mode=ReadOnly;Pooling=False");
        await backup.OpenAsync();
        await using var check = backup.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        check.CommandText = "SELECT COUNT(*) FROM Letters;";
        Assert.Equal(1L, await check.ExecuteScalarAsync());
    }
}
