using System.Net;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// While an editor runs the portal on their machine (Development, as scripts/run.sh starts it): an edit with a
/// mistake shows its file:line:col on the portal's pages, a good edit clears it, and each import moves the
/// generation an open page watches to reload itself.
/// </summary>
public sealed class EditingTests(DevelopmentPortalFactory portal) : IClassFixture<DevelopmentPortalFactory>
{
    private const string Mistake = "[@nosuchkey] reported a retrospective";

    private static async Task<long> GenerationAsync(HttpClient client) =>
        long.Parse(await client.GetStringAsync("/_editing/generation"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits for the portal's file watcher to import after an edit (it waits for a quiet half second).</summary>
    private static async Task<long> ImportedAfterAsync(HttpClient client, long before)
    {
        for (var i = 0; i < 100; i++)
        {
            var now = await GenerationAsync(client);
            if (now > before)
            {
                return now;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The portal did not import the edited content within 10 s.");
    }

    [Fact]
    public async Task A_mistake_shows_on_every_page_with_its_place_and_a_fix_clears_it()
    {
        var client = portal.CreateHcpClient();
        var before = await GenerationAsync(client);
        var original = await File.ReadAllTextAsync(portal.SeedLetterPath);

        await File.WriteAllTextAsync(portal.SeedLetterPath, original.Replace("[@dima2023] reported a retrospective", Mistake, StringComparison.Ordinal));
        var broken = await ImportedAfterAsync(client, before);
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        var letter = WebUtility.HtmlDecode(await client.GetStringAsync("/letters/darzalex-poems-syndrome"));

        Assert.Contains("The content has mistakes: nothing from the last import was published", home, StringComparison.Ordinal);
        Assert.Matches(@"darzalex/poems-syndrome\.md:\d+:\d+: error: Citation \[@nosuchkey\]", home);
        Assert.Contains("role=\"alert\"", home, StringComparison.Ordinal);
        Assert.Contains("@nosuchkey", letter, StringComparison.Ordinal); // a cached letter page shows it too
        Assert.Contains("Dima et al", letter, StringComparison.Ordinal); // readers keep the published letter

        await File.WriteAllTextAsync(portal.SeedLetterPath, original);
        await ImportedAfterAsync(client, broken);
        Assert.DoesNotContain("content-errors", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_load_the_reload_script_and_the_generation_is_never_cached()
    {
        var client = portal.CreateHcpClient();

        var home = await client.GetStringAsync("/");
        var generation = await client.GetAsync("/_editing/generation");

        Assert.Matches("<script src=\"js/editing[.a-z0-9]*\\.js\"", home);
        Assert.Equal(HttpStatusCode.OK, generation.StatusCode);
        Assert.True(generation.Headers.CacheControl?.NoStore);
    }
}
