using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using MedInfo.Letters;
using MedInfo.Rendering;
using MedInfo.Store;
using MedInfo.Store.Reading;
using MedInfo.Web.Components.Pages.History;
using MedInfo.Web.Components.Pages.Letter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// A letter page's body (the letter, its notice, what follows) is rendered once per version and kept in the store,
/// so that later readers, a restarted portal and the other portals on the store serve it without rendering; the
/// pages the output cache keeps are kept compressed for browsers that ask. None of it changes who may read what.
/// </summary>
public sealed class KeptPageBodyTests(TestLettersPortalFactory portal) : IClassFixture<TestLettersPortalFactory>
{
    private const string HcpPath = "/letters/darzalex-poems-syndrome";
    private const string HcpText = "Dima et al";

    [Fact]
    public async Task Every_kept_body_is_what_rendering_its_version_gives_and_the_page_carries_it_whole()
    {
        var catalog = portal.Services.GetRequiredService<LetterCatalog>();
        var components = portal.Services.GetRequiredService<ComponentHtml>();
        var client = portal.CreateHcpClient();
        var letters = await catalog.ListPublishedAsync(Readership.HealthcareProfessional);
        Assert.True(letters.Count >= 3, "the test letters include a patient letter, boxes and figures");

        foreach (var letter in letters)
        {
            var version = (await catalog.GetVersionAsync(Readership.HealthcareProfessional, letter.Id, letter.Version))!;
            foreach (var (path, page, rendered) in new[]
            {
                (LetterPage.Url(letter.Id), "current", await components.RenderAsync<CurrentLetterBody>(new Dictionary<string, object?> { [nameof(CurrentLetterBody.Version)] = version })),
                (VersionPage.Url(letter.Id, letter.Version), "version", await components.RenderAsync<PastVersionBody>(new Dictionary<string, object?> { [nameof(PastVersionBody.Version)] = version })),
            })
            {
                var html = await client.GetStringAsync(path);
                var kept = (await catalog.GetVersionRenderingAsync(Readership.HealthcareProfessional, letter.Id, letter.Version, page, LetterPageBodies.Renderer))!.Html;

                Assert.Equal(rendered, kept);
                Assert.Contains(kept!, html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_portal_serves_a_kept_body_from_the_store_without_rendering_it_again()
    {
        await portal.CreateHcpClient().GetStringAsync("/letters/zentravir-missed-dose-patients/versions/1");
        await UpdateKeptAsync("UPDATE \"LetterRenderings\" SET \"Html\" = '<p>kept by another portal</p>' WHERE \"Page\" = 'version'");

        var restarted = ActivatorUtilities.CreateInstance<LetterPageBodies>(portal.Services); // nothing in memory yet
        var body = await restarted.GetVersionAsync(Readership.Public, "zentravir-missed-dose-patients", 1, default);

        Assert.Equal("<p>kept by another portal</p>", body!.Html.Value);
    }

    [Fact]
    public async Task What_another_build_kept_is_never_served()
    {
        var catalog = portal.Services.GetRequiredService<LetterCatalog>();
        var letter = (await catalog.ListPublishedAsync(Readership.HealthcareProfessional)).First(l => l.Id != "zentravir-missed-dose-patients");
        await portal.Services.GetRequiredService<LetterRenderings>().KeepAsync(letter.Id, letter.Version, "current", "another-build", "<p>old layout</p>");

        var body = await ActivatorUtilities.CreateInstance<LetterPageBodies>(portal.Services).GetCurrentAsync(Readership.HealthcareProfessional, letter.Id, default);

        Assert.DoesNotContain("old layout", body!.Html.Value, StringComparison.Ordinal);
        Assert.Contains("<article class=\"letter", body.Html.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HcpPath)]
    [InlineData(HcpPath + "/versions/1")]
    public async Task A_body_kept_for_a_professional_is_never_served_to_the_public(string path)
    {
        var professional = await portal.CreateHcpClient().GetStringAsync(path);
        await portal.CreateHcpClient().GetStringAsync(path); // now kept in memory and in the store

        var response = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains(HcpText, WebUtility.HtmlDecode(professional), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This letter is for US healthcare professionals", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HcpText, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    public async Task A_browser_that_accepts_compression_gets_the_letter_page_compressed_also_from_the_cache(string accepts, string encoding)
    {
        var plain = await portal.CreateHcpClient().GetStringAsync(HcpPath);
        var client = portal.CreateHcpClient();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd(accepts);

        foreach (var fromCache in new[] { false, true })
        {
            var response = await client.GetAsync(HcpPath);
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(bytes.Length < plain.Length / 2, $"{bytes.Length} bytes compressed of {plain.Length}");
            Assert.Equal(plain, Decompress(bytes, encoding));
            Assert.Equal(fromCache, response.Headers.Age.HasValue);
        }
    }

    [Theory]
    [InlineData("/search?q=poems", true)]
    [InlineData(HcpPath, false)]
    public async Task Pages_with_a_form_or_what_a_request_sent_are_never_compressed(string path, bool confirmed)
    {
        // The search page shows the query; the public's letter page is the HCP question, a form with its token.
        var client = confirmed ? portal.CreateHcpClient() : portal.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/letters/darzalex-poems-syndrome/versions/1")]
    [InlineData("/letters/zentravir-missed-dose-patients/versions/1")]
    public async Task A_page_outside_the_page_cache_is_rendered_to_the_same_bytes_each_time_without_component_state(string path)
    {
        // Blazor would end it with the framework's services' state, encrypted anew for each request: work on every
        // page, for a search box that needs none of it (ComponentStateOfComponentsOnly).
        var client = portal.CreateHcpClient();

        var first = await client.GetStringAsync(path);
        var second = await client.GetStringAsync(path);

        Assert.Equal(first, second);
        Assert.DoesNotContain("Component-State:", first, StringComparison.Ordinal);
    }

    private static string Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decompressing = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressing);
        return reader.ReadToEnd();
    }

    private async Task UpdateKeptAsync(string sql)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<MedInfoDb>>().CreateDbContextAsync();
        Assert.True(await db.Database.ExecuteSqlRawAsync(sql) > 0);
    }
}
