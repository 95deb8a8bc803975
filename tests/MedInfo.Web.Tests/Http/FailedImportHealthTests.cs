using System.Net;
using System.Text.Json;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// A first start whose content has a broken letter imports nothing: /healthz must not call that Healthy, and must
/// say which file and line to fix.
/// </summary>
public sealed class FailedImportHealthTests(FailedImportHealthTests.Factory portal) : IClassFixture<FailedImportHealthTests.Factory>
{
    public sealed class Factory : PortalFactory
    {
        public Factory()
        {
            // The seed letter with an unknown citation key: an error at a known line.
            var text = File.ReadAllText(SeedLetterPath);
            File.WriteAllText(SeedLetterPath, text.Replace("[@dima2023] reported a retrospective", "[@nosuchkey] reported a retrospective", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Health_is_degraded_with_the_file_and_line_of_the_error()
    {
        var response = await portal.CreateClient().GetAsync("/healthz");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var content = json.GetProperty("checks").GetProperty("content");

        Assert.Equal("Degraded", json.GetProperty("status").GetString());
        Assert.Equal("Degraded", content.GetProperty("status").GetString());
        Assert.Matches(@"darzalex[/\\]poems-syndrome\.md:\d+:\d+: error: .*nosuchkey", content.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // Degraded still serves; a load balancer keeps it
    }

    [Fact]
    public async Task Outside_Development_the_mistakes_stay_off_the_pages()
    {
        var home = await portal.CreateClient().GetStringAsync("/");
        var generation = await portal.CreateClient().GetAsync("/_editing/generation");

        Assert.DoesNotContain("content-errors", home, StringComparison.Ordinal);
        Assert.DoesNotContain("nosuchkey", home, StringComparison.Ordinal);
        Assert.DoesNotContain("editing", home, StringComparison.Ordinal); // no reload script
        Assert.Equal(HttpStatusCode.NotFound, generation.StatusCode);
    }
}
