using System.Net;

namespace MedInfo.Web.Tests.Http;

/// <summary>What a professional types finds the letter: other forms of a word, and a misspelt drug name with its correction offered.</summary>
public sealed class SearchPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string SeedPath = "/letters/darzalex-poems-syndrome";

    [Theory]
    [InlineData("relapses")]
    [InlineData("neuropathies")]
    [InlineData("relapsed POEMS")]
    public async Task Another_form_of_a_word_in_the_letter_finds_it(string query)
    {
        var html = await portal.CreateHcpClient().GetStringAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Contains(SeedPath, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("daratumamab", "daratumumab")]
    [InlineData("daratumumab POEMSS", null)]
    [InlineData("darzelex", "darzalex")]
    public async Task A_misspelt_drug_name_still_finds_the_letter_and_offers_the_correction(string query, string? correction)
    {
        var html = WebUtility.HtmlDecode(await portal.CreateHcpClient().GetStringAsync("/search?q=" + Uri.EscapeDataString(query)));

        Assert.Contains(SeedPath, html, StringComparison.Ordinal);
        if (correction is not null)
        {
            Assert.Contains($"Did you mean <a href=\"/search?q={correction}\">{correction}</a>?", html, StringComparison.Ordinal);
        }
    }
}
