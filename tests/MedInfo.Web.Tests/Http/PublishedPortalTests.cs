using System.Diagnostics;
using System.Net;
using MedInfo.Content.Tests;
using MedInfo.Store;
using MedInfo.Testing;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// A production portal is the `dotnet publish` output started in Production (docs/deploy.md): every page a reader
/// or a member of staff opens answers, and so does every stylesheet, script, image and icon it links.
/// </summary>
public sealed class PublishedPortalTests : IAsyncLifetime
{
    private static readonly string[] Pages =
    [
        "/", "/products/darzalex", "/letters/darzalex-poems-syndrome", "/letters/darzalex-poems-syndrome/history",
        "/letters/darzalex-poems-syndrome/versions/1", "/search", "/search?q=poems", "/ask", "/staff/signin", "/no-such-page",
    ];

    private readonly string root = Directory.CreateTempSubdirectory("medinfo-published-").FullName;
    private PortalProcess? portal;

    public async Task InitializeAsync()
    {
        // The Release build the test run made, published as an operator would (no second build).
        var app = Path.Combine(root, "app");
        var publish = await RunAsync("dotnet", ["publish", Path.Combine(RepositoryPaths.Root, "src", "MedInfo.Web", "MedInfo.Web.csproj"), "-c", "Release", "--no-build", "--nologo", "-v", "quiet", "-o", app]);
        Assert.True(publish.ExitCode == 0, publish.Output);

        portal = await PortalProcess.StartAsync(app, new Dictionary<string, string>
        {
            [MedInfoEnvironment.DataDirectory] = Path.Combine(root, "data"),
            ["MedInfo__ContentDirectory"] = RepositoryPaths.Content,
        });
    }

    public async Task DisposeAsync()
    {
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Every_page_and_every_asset_it_links_answers()
    {
        using var client = new HttpClient { BaseAddress = new Uri(portal!.Url) };
        client.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        var assets = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var page in Pages)
        {
            var response = await client.GetAsync(page);
            var expected = page == "/no-such-page" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            if (response.StatusCode != expected)
            {
                problems.Add($"{page}: {(int)response.StatusCode}");
            }

            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var linked = document.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href"))
                .Concat(document.QuerySelectorAll("script[src], img[src]").Select(e => e.GetAttribute("src")))
                .Where(a => a is not null && !a.Contains(':', StringComparison.Ordinal) && !a.StartsWith("//", StringComparison.Ordinal) && !a.StartsWith('#'))
                .Select(a => a!.StartsWith('/') ? a : "/" + a); // the pages' <base href="/">
            assets.UnionWith(linked);
        }

        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{asset}: {(int)response.StatusCode}");
            }
        }

        Assert.True(assets.Count >= 3, "the pages link their stylesheets and scripts: " + string.Join(", ", assets));
        Assert.Contains(assets, a => a.Contains("letter", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await output + await error);
    }
}
