using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MedInfo.Content.Tests;
using MedInfo.Store;
using MedInfo.Store.Tests;
using Npgsql;
using MedInfo.Testing;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// Two portals (separate processes, as on two machines) on one PostgreSQL server with its default
/// max_connections of 100, each under 200 concurrent connections for 20 s: what readers get is a page, or a 503 with
/// Retry-After when the store is busy; never a 500, a refused connection or a page cut short, and the letter page
/// keeps answering (from the output cache).
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class PostgreSqlLoadTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    private const int ConnectionsPerPortal = 200;

    private const string LetterPage = "/letters/darzalex-poems-syndrome";

    private static readonly string[] Paths =
        [LetterPage, "/", "/search?q=daratumumab", "/healthz", "/products/darzalex", LetterPage + "/history", "/search?q=poems%20syndrome"];

    [Fact]
    public async Task Two_portals_under_200_connections_each_answer_pages_or_503_never_500_or_cut_short()
    {
        var store = await server.CreateAsync(string.Empty);
        Assert.Equal("100", await MaxConnectionsAsync(store.ConnectionString));
        var root = Directory.CreateTempSubdirectory("medinfo-load-").FullName;
        var shared = new Dictionary<string, string>
        {
            [MedInfoEnvironment.PostgreSql] = store.ConnectionString,
            [MedInfoEnvironment.KeyRingCertificate] = TestCertificate.WritePfx(root),
            [MedInfoEnvironment.KeyRingCertificatePassword] = TestCertificate.Password,
            ["MedInfo__ContentDirectory"] = RepositoryPaths.Content,
            ["MedInfo__RateLimits__SearchesPerMinute"] = "1000000", // every client here is 127.0.0.1: the budget is not what is tested
        };
        await using var first = await PortalProcess.StartAsync(AppContext.BaseDirectory, new Dictionary<string, string>(shared) { [MedInfoEnvironment.DataDirectory] = Path.Combine(root, "a") });
        await using var second = await PortalProcess.StartAsync(AppContext.BaseDirectory, new Dictionary<string, string>(shared) { [MedInfoEnvironment.DataDirectory] = Path.Combine(root, "b") });

        var answers = new ConcurrentBag<Answer>();
        var until = Stopwatch.StartNew();
        await Task.WhenAll(new[] { first, second }.Select(portal => LoadAsync(portal.Url, answers, () => until.Elapsed < TimeSpan.FromSeconds(20))));

        var wrong = answers.Where(a => !a.Acceptable).GroupBy(a => $"{a.Path}: {a.What}").Select(g => $"{g.Count()} × {g.Key}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong) + "\n" + first.Errors + "\n" + second.Errors);
        Assert.True(answers.Count >= 1000, $"only {answers.Count} answers in 20 s");
        Assert.All(answers.Where(a => a.Path == LetterPage), a => Assert.Equal("200", a.What));
        Directory.Delete(root, recursive: true);
    }

    private static async Task LoadAsync(string url, ConcurrentBag<Answer> answers, Func<bool> going)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = ConnectionsPerPortal })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        await Task.WhenAll(Enumerable.Range(0, ConnectionsPerPortal).Select(async worker =>
        {
            for (var i = worker; going(); i++)
            {
                var path = Paths[i % Paths.Length];
                answers.Add(await AskAsync(client, path));
            }
        }));
    }

    private static async Task<Answer> AskAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode switch
            {
                HttpStatusCode.OK when response.Content.Headers.ContentType?.MediaType == "text/html" && !body.Contains("</html>", StringComparison.Ordinal) =>
                    new Answer(path, "200 cut short", Acceptable: false),
                HttpStatusCode.OK => new Answer(path, "200", Acceptable: true),
                HttpStatusCode.ServiceUnavailable => new Answer(path, response.Headers.RetryAfter is null ? "503 without Retry-After" : "503", response.Headers.RetryAfter is not null),
                var other => new Answer(path, ((int)other).ToString(System.Globalization.CultureInfo.InvariantCulture), Acceptable: false),
            };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return new Answer(path, e.GetType().Name + ": " + e.Message, Acceptable: false);
        }
    }

    private static async Task<string> MaxConnectionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW max_connections", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private sealed record Answer(string Path, string What, bool Acceptable);
}

/// <summary>Tests that load the machine run alone, after the others, so they neither slow nor are slowed by them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load";
}
