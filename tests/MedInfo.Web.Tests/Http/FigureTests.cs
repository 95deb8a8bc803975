using System.Net;
using System.Security.Cryptography;
using MedInfo.Content.Tests;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// A figure on a letter page: the image is served from the letter's own address under its content hash, cached
/// for a year without revalidation, to the readers the letter is written for only.
/// </summary>
public sealed class FigureTests(TestLettersPortalFactory portal) : IClassFixture<TestLettersPortalFactory>
{
    private const string PatientLetter = "/letters/zentravir-missed-dose-patients";
    private const string HcpLetter = "/letters/zentravir-infection-risk";

    private static string Sha(string file) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(RepositoryPaths.TestLetters, "zentravir", "figures", file))));

    [Fact]
    public async Task A_patient_letter_shows_its_figure_and_anyone_may_cache_the_image_for_good()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var html = await client.GetStringAsync(PatientLetter);
        var url = $"{PatientLetter}/figures/{Sha("missed-dose-response.png")}.png";

        Assert.Contains($"src=\"{url}\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Bar chart with two bars", html, StringComparison.Ordinal);
        Assert.Contains("Figure 1.</span>", html, StringComparison.Ordinal);
        var image = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.True(image.Headers.CacheControl is { Public: true, MaxAge.TotalDays: 365 } cache && cache.Extensions.Any(e => e.Name == "immutable"));
        Assert.Equal(Sha("missed-dose-response.png"), Convert.ToHexStringLower(SHA256.HashData(await image.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task An_hcp_letter_image_is_private_to_professionals()
    {
        var url = $"{HcpLetter}/figures/{Sha("infections-over-time.png")}.png";

        var professional = await portal.CreateHcpClient().GetAsync(url);
        var anyone = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, professional.StatusCode);
        Assert.True(professional.Headers.CacheControl is { Private: true, Public: false, MaxAge.TotalDays: 365 });
        Assert.Equal(HttpStatusCode.NotFound, anyone.StatusCode);
    }

    [Theory]
    [InlineData("/figures/0000000000000000000000000000000000000000000000000000000000000000.png")]
    [InlineData("/figures/not-a-hash.png")]
    [InlineData("/figures/..%2F..%2Fappsettings.json")]
    public async Task An_image_the_letter_does_not_show_is_not_found(string path)
    {
        var response = await portal.CreateHcpClient().GetAsync(PatientLetter + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_letters_image_is_not_served_under_this_letter()
    {
        var response = await portal.CreateHcpClient().GetAsync($"{PatientLetter}/figures/{Sha("infections-over-time.png")}.png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
