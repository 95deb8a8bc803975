using System.Net;
using System.Text.RegularExpressions;
using MedInfo.Content.Tests;
using MedInfo.Import;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

public sealed partial class HcpNoticeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_first_visit_is_asked_to_confirm_and_the_letter_is_not_shown()
    {
        var client = portal.CreateClient();

        var html = await client.GetStringAsync("/letters/darzalex-poems-syndrome");

        Assert.Contains("I am a US healthcare professional", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dima et al", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_sets_a_lasting_cookie_and_returns_to_the_page()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/letters/darzalex-poems-syndrome");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;

        var response = await client.PostAsync("/letters/darzalex-poems-syndrome", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "hcp-notice",
            ["__RequestVerificationToken"] = token,
            ["Answer"] = "yes",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("medinfo-hcp=yes", StringComparison.Ordinal));
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("/letters/darzalex-poems-syndrome", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_leads_to_the_information_for_patients_and_is_remembered()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/letters/darzalex-poems-syndrome")).Groups[1].Value;

        var response = await client.PostAsync("/letters/darzalex-poems-syndrome", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "hcp-notice",
            ["__RequestVerificationToken"] = token,
            ["Answer"] = "no",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.AbsolutePath);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("medinfo-hcp=no", StringComparison.Ordinal));
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("You are seeing information written for patients and caregivers", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/ask?for=patient\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Are you a US healthcare professional?", home, StringComparison.Ordinal); // not asked again
        Assert.DoesNotContain("/letters/darzalex-poems-syndrome", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "hcp-notice",
            ["Answer"] = "yes",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/letters/darzalex-poems-syndrome/versions/1")]
    [InlineData("/")]
    [InlineData("/search?q=POEMS")]
    public async Task A_page_without_a_form_to_post_sets_no_antiforgery_cookie(string path)
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies), "cookies set: " + string.Join("; ", cookies ?? []));
        Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_with_a_form_to_post_sets_the_antiforgery_cookie_its_token_goes_with()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/letters/darzalex-poems-syndrome");

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Matches(AntiforgeryToken(), await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class SecurityHeaderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/letters/darzalex-poems-syndrome")]
    [InlineData("/not-there")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await portal.CreateHcpClient().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_contain_no_inline_script()
    {
        var html = await portal.CreateHcpClient().GetStringAsync("/letters/darzalex-poems-syndrome");

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }
}

public sealed class LetterCachingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_letter_page_has_an_etag_and_last_modified_and_answers_304_when_unchanged()
    {
        var client = portal.CreateHcpClient();
        var first = await client.GetAsync("/letters/darzalex-poems-syndrome");
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified ?? (first.Headers.TryGetValues("Last-Modified", out _) ? DateTimeOffset.MinValue : null));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/letters/darzalex-poems-syndrome");
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_confirmed_readers_letter_page_comes_from_the_output_cache_without_cookies()
    {
        var client = portal.CreateHcpClient();
        var first = await client.GetAsync("/letters/darzalex-poems-syndrome");
        var second = await client.GetAsync("/letters/darzalex-poems-syndrome");

        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.True(first.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false });
        Assert.True(second.Headers.Age.HasValue, "the second response should be served from the output cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_visitor_shown_the_notice_is_never_served_a_cached_letter()
    {
        await portal.CreateHcpClient().GetAsync("/letters/darzalex-poems-syndrome");

        var response = await portal.CreateClient().GetAsync("/letters/darzalex-poems-syndrome");

        Assert.False(response.Headers.Age.HasValue);
        Assert.Contains("I am a US healthcare professional", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_assets_are_served_under_fingerprinted_names()
    {
        var html = await portal.CreateHcpClient().GetStringAsync("/");
        var css = Regex.Match(html, "href=\"(css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(css);

        var response = await portal.CreateHcpClient().GetAsync("/" + css);

        // A fingerprinted name changes with the file, so browsers may keep it for good. (The long-lived
        // "immutable" Cache-Control comes with the published asset manifest, not the build one tests run on.)
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
    }
}

/// <summary>
/// The home page and a product's page are what every reader opens first: for a confirmed healthcare professional
/// they are rendered once per state of the listings and served from the output cache after that; anyone else gets
/// the HCP question (a form), never a cached page; and an import that changes a listing shows on the next request.
/// </summary>
public sealed class ListingCachingTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/products/darzalex")]
    public async Task A_confirmed_readers_listing_page_comes_from_the_output_cache_without_cookies(string path)
    {
        var client = portal.CreateHcpClient();
        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.NotNull(first.Headers.ETag);
        Assert.True(second.Headers.Age.HasValue, "the second response should be served from the output cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    [Theory]
    [InlineData(null, "Are you a US healthcare professional?")]
    [InlineData("medinfo-hcp=no", "You are seeing information written for patients and caregivers")]
    public async Task Anyone_else_gets_their_own_page_never_the_cached_one(string? cookie, string expected)
    {
        await portal.CreateHcpClient().GetAsync("/");
        await portal.CreateHcpClient().GetAsync("/");
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.False(response.Headers.Age.HasValue);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("You are seeing letters for healthcare professionals", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_that_publishes_a_letter_shows_on_the_next_home_page()
    {
        var client = portal.CreateHcpClient();
        var before = await client.GetAsync("/");
        await client.GetAsync("/");
        File.WriteAllText(Path.Combine(portal.ContentDirectory, "quilvantor.md"), SyntheticLetters.Letter("quilvantor-invented-trial", brand: "QUILVANTOR®", generic: "quilvantumab"));

        var report = await portal.Services.GetRequiredService<LetterImporter>().ImportAsync(portal.ContentDirectory);
        var after = await client.GetAsync("/");
        var product = await client.GetAsync("/products/quilvantor");

        Assert.True(report.Written, string.Join('\n', report.Diagnostics));
        Assert.DoesNotContain("QUILVANTOR", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("QUILVANTOR", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, product.StatusCode);
    }
}

public sealed class SearchRateLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task One_client_searching_too_fast_gets_429_with_retry_after()
    {
        var client = portal.CreateHcpClient();
        var limited = await RateLimitProbe.FirstRefusedAsync(200, _ => client.GetAsync("/search?q=poems"));

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/letters/darzalex-poems-syndrome")).StatusCode);
    }
}
