using MedInfo.Letters;
using System.Net;
using MedInfo.Content.Tests;
using MedInfo.Store.Audit;
using MedInfo.Import;
using MedInfo.Store.Search;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// Readers see published versions only, on every route: the seed letter gains a draft version 2 with a changed
/// sentence, and a letter that was never published (a draft of an invented product) sits beside it. No page,
/// PDF, listing or search shows either draft; the seed keeps serving its published version 1.
/// </summary>
public sealed class DraftVisibilityTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string LetterPath = "/letters/darzalex-poems-syndrome";
    private const string PublishedSentence = "No patients developed significant infections while on therapy.";
    private const string DraftSentence = "Draftonly sentence that no reader may see.";
    private const string DraftLetterId = "quorvexa-draft-letter";
    private readonly PortalFactory portal;
    private readonly HttpClient client;

    public DraftVisibilityTests(PortalFactory portal)
    {
        this.portal = portal;
        client = portal.CreateHcpClient();
    }

    public async Task InitializeAsync()
    {
        await client.GetStringAsync(LetterPath); // the portal has started and imported content/
        var text = await File.ReadAllTextAsync(portal.SeedLetterPath);
        if (!text.Contains(PublishedSentence, StringComparison.Ordinal))
        {
            return; // another test of this class edited it already
        }

        await File.WriteAllTextAsync(portal.SeedLetterPath, text
            .Replace(PublishedSentence, DraftSentence, StringComparison.Ordinal)
            .Replace("status: published", "status: draft", StringComparison.Ordinal));
        await File.WriteAllTextAsync(
            Path.Combine(portal.ContentDirectory, "darzalex", "quorvexa-draft.md"),
            SyntheticLetters.Letter(DraftLetterId, brand: "QUORVEXA®", generic: "quorvexumab", sentence: "Quorvexumab draftonly finding.", status: "draft"));
        var report = await portal.Services.GetRequiredService<LetterImporter>().ImportAsync(portal.ContentDirectory);
        Assert.True(report.Written, string.Join('\n', report.Diagnostics));
        Assert.Equal(1, report.NewVersions);
        Assert.Equal(1, report.NewLetters);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_letter_page_keeps_showing_the_published_version()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(LetterPath));

        Assert.Contains(PublishedSentence, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Draftonly", html, StringComparison.Ordinal);
        Assert.Contains("(version 1)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LetterPath + "/versions/2")]
    [InlineData(LetterPath + "/compare?from=1&to=2")]
    [InlineData(LetterPath + "/compare?from=2&to=1")]
    [InlineData("/letters/" + DraftLetterId)]
    [InlineData("/letters/" + DraftLetterId + "/history")]
    [InlineData("/letters/" + DraftLetterId + "/versions/1")]
    [InlineData("/products/quorvexa")]
    public async Task A_draft_page_is_not_found(string path)
    {
        var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("raftonly", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LetterPath + "/versions/2/pdf")]
    [InlineData("/letters/" + DraftLetterId + "/pdf")]
    [InlineData("/letters/" + DraftLetterId + "/versions/1/pdf")]
    public async Task A_draft_is_never_printed_nor_recorded(string path)
    {
        var audit = portal.Services.GetRequiredService<AuditTrail>();
        var before = (await audit.VerifyAsync()).Records;

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await audit.VerifyAsync()).Records);
    }

    [Fact]
    public async Task The_history_lists_only_published_versions()
    {
        var html = await client.GetStringAsync(LetterPath + "/history");

        Assert.Contains(LetterPath + "/versions/1", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LetterPath + "/versions/2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Compare two versions", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_products_and_search_show_no_draft()
    {
        var home = await client.GetStringAsync("/");
        var search = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=draftonly"));
        var seedSearch = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=POEMS"));

        Assert.DoesNotContain("QUORVEXA", home, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftLetterId, home, StringComparison.Ordinal);
        Assert.Contains(LetterPath, home, StringComparison.Ordinal);
        Assert.DoesNotContain("/letters/", search, StringComparison.Ordinal);
        Assert.Contains(LetterPath, seedSearch, StringComparison.Ordinal); // the published version is still found
    }

    [Fact]
    public async Task Suggestions_find_no_draft_but_still_the_published_version()
    {
        // The search box's suggestions ask the store the same way, five at most.
        var search = portal.Services.GetRequiredService<LetterSearch>();

        Assert.Empty(await search.SearchAsync(Readership.HealthcareProfessional, "draftonly", limit: 5));
        Assert.Empty(await search.SearchAsync(Readership.HealthcareProfessional, "quorvexumab", limit: 5));
        Assert.Equal("darzalex-poems-syndrome", Assert.Single(await search.SearchAsync(Readership.HealthcareProfessional, "POEMS", limit: 5)).LetterId);
    }

    [Fact]
    public async Task The_current_PDF_is_the_published_version()
    {
        var response = await client.GetAsync(LetterPath + "/pdf");

        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Assert.Fail("Chromium is needed for this test: " + await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("darzalex-poems-syndrome-v1.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }
}
