using System.Net;

namespace MedInfo.Web.Tests.Http;

/// <summary>Every route over HTTP: the right status, never a 500, whatever a reader types or links to.</summary>
public sealed class RouteTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly HttpClient client = portal.CreateHcpClient();

    [Theory]
    [InlineData("/", "Products A-Z")]
    [InlineData("/products/darzalex-faspro", "DARZALEX FASPRO®")]
    [InlineData("/products/darzalex", "Use of DARZALEX + DARZALEX FASPRO")]
    [InlineData("/letters/darzalex-poems-syndrome", "Dima et al (2023)")]
    [InlineData("/letters/darzalex-poems-syndrome/history", "Version 1")]
    [InlineData("/letters/darzalex-poems-syndrome/versions/1", "You are viewing version 1")]
    [InlineData("/letters/darzalex-poems-syndrome/compare?from=1&to=1", "The two versions read the same.")]
    [InlineData("/search", "Search letters")]
    [InlineData("/search?q=POEMS", "Use of DARZALEX + DARZALEX FASPRO")]
    [InlineData("/search?q=daratumumab", "Use of DARZALEX + DARZALEX FASPRO")]
    [InlineData("/search?q=Darzalex", "Use of DARZALEX + DARZALEX FASPRO")]
    [InlineData("/search?q=hyaluronidase&product=darzalex-faspro", "1 letter found")]
    [InlineData("/healthz", "Healthy")]
    public async Task Each_page_answers_with_its_content(string url, string expected)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/letters/darzalex-poems-syndrome", HttpStatusCode.OK)]
    [InlineData("/letters/darzalex-poems-syndrome/history", HttpStatusCode.OK)]
    [InlineData("/products/darzalex", HttpStatusCode.OK)]
    [InlineData("/search?q=POEMS", HttpStatusCode.OK)]
    [InlineData("/letters/no-such-letter", HttpStatusCode.NotFound)]
    public async Task A_HEAD_request_answers_as_its_GET_would(string url, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/letters/no-such-letter")]
    [InlineData("/letters/darzalex-poems-syndrome/versions/99")]
    [InlineData("/letters/darzalex-poems-syndrome/versions/one")]
    [InlineData("/letters/no-such-letter/history")]
    [InlineData("/letters/darzalex-poems-syndrome/compare?from=1&to=7")]
    [InlineData("/letters/darzalex-poems-syndrome/compare?from=x&to=y")]
    [InlineData("/products/no-such-product")]
    [InlineData("/letters/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/letters/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/nothing/here")]
    [InlineData("/not-found")] // the 404 page itself, asked for by its address
    public async Task Unknown_addresses_get_the_site_404_page_never_a_500(string url)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("site-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"POEMS")]
    [InlineData("POEMS*")]
    [InlineData("-POEMS")]
    [InlineData("POEMS AND")]
    [InlineData("(daratumumab")]
    [InlineData("NEAR(POEMS daratumumab)")]
    [InlineData("\u0002\u0003")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("%%%")]
    public async Task Odd_search_text_is_answered_normally(string text)
    {
        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "1 letter found")]
    [InlineData("-1", "1 letter found")]
    [InlineData("99999999999999999999", "1 letter found")]
    [InlineData("2", "This page is past the last letter found.")]
    public async Task An_odd_page_number_is_the_first_page_or_says_it_is_past_the_end(string page, string expected)
    {
        var response = await client.GetAsync("/search?q=POEMS&page=" + Uri.EscapeDataString(page));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_with_no_results_is_a_helpful_page()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=zzqqxxnothing"));

        Assert.Contains("No letters match “zzqqxxnothing”", html, StringComparison.Ordinal);
        Assert.Contains("Search by the product's brand name or its generic name.", html, StringComparison.Ordinal);
        Assert.Contains("/products/darzalex-faspro", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_query_is_cut_not_refused()
    {
        var response = await client.GetAsync("/search?q=" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_results_highlight_matches_with_mark_only()
    {
        var html = await client.GetStringAsync("/search?q=POEMS");

        Assert.Contains("<mark>POEMS</mark>", html, StringComparison.Ordinal);
    }
}
