using System.Net;
using MedInfo.Import;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>After an editor changes a sentence, both versions can be read and compared, and the page serves the new one.</summary>
public sealed class VersionHistoryTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string OldSentence = "No patients developed significant infections while on therapy.";
    private const string NewSentence = "No patients developed significant infections while on therapy (synthetic test edit).";
    private readonly PortalFactory portal;
    private readonly HttpClient client;

    public VersionHistoryTests(PortalFactory portal)
    {
        this.portal = portal;
        client = portal.CreateHcpClient();
    }

    public async Task InitializeAsync()
    {
        // xunit runs this before each test of the class, on one shared portal: edit the letter only once.
        await client.GetStringAsync("/letters/darzalex-poems-syndrome");
        var text = await File.ReadAllTextAsync(portal.SeedLetterPath);
        if (!text.Contains(OldSentence, StringComparison.Ordinal))
        {
            return;
        }

        await File.WriteAllTextAsync(portal.SeedLetterPath, text.Replace(OldSentence, NewSentence, StringComparison.Ordinal));
        var report = await portal.Services.GetRequiredService<LetterImporter>().ImportAsync(portal.ContentDirectory);
        Assert.Equal(1, report.NewVersions);

        // No cache eviction here on purpose: the letter page is cached per version, so the new one must show.
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_history_lists_both_versions_and_each_reads_as_it_was()
    {
        var history = await client.GetStringAsync("/letters/darzalex-poems-syndrome/history");
        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/letters/darzalex-poems-syndrome/versions/1"));
        var second = WebUtility.HtmlDecode(await client.GetStringAsync("/letters/darzalex-poems-syndrome/versions/2"));
        var current = WebUtility.HtmlDecode(await client.GetStringAsync("/letters/darzalex-poems-syndrome"));

        Assert.Contains("/letters/darzalex-poems-syndrome/versions/1", history, StringComparison.Ordinal);
        Assert.Contains("/letters/darzalex-poems-syndrome/versions/2", history, StringComparison.Ordinal);
        Assert.Contains(OldSentence, first, StringComparison.Ordinal);
        Assert.DoesNotContain(NewSentence, first, StringComparison.Ordinal);
        Assert.Contains(NewSentence, second, StringComparison.Ordinal);
        Assert.Contains(NewSentence, current, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_marks_what_changed_and_only_that()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/letters/darzalex-poems-syndrome/compare?from=1&to=2"));

        Assert.Contains($"<del><span class=\"visually-hidden\">Removed: </span>  • {OldSentence}</del>", html, StringComparison.Ordinal);
        Assert.Contains($"<ins><span class=\"visually-hidden\">Added: </span>  • {NewSentence}</ins>", html, StringComparison.Ordinal);
        var diff = html[html.IndexOf("<ol class=\"diff\"", StringComparison.Ordinal)..];
        Assert.Equal(1, diff.Split("<ins>").Length - 1);
        Assert.Equal(1, diff.Split("<del>").Length - 1);
    }
}
