using System.Net;
using MedInfo.Store.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// Each reader sees what is written for them, on every route: the seed (an HCP letter) and a synthetic patient
/// letter side by side. A visitor who has not confirmed being a healthcare professional reads the patient letter,
/// its versions and PDF, and never the HCP letter's text, page, history or PDF; a professional reads both.
/// </summary>
public sealed class AudienceTests(TestLettersPortalFactory portal) : IClassFixture<TestLettersPortalFactory>
{
    private const string HcpPath = "/letters/darzalex-poems-syndrome";
    private const string HcpText = "Dima et al";
    private const string PatientPath = "/letters/zentravir-missed-dose-patients";
    private const string PatientText = "41 of 50 people (82%)";

    private HttpClient Public() => portal.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task The_public_reads_a_patient_letter_without_any_notice()
    {
        var response = await Public().GetAsync(PatientPath);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PatientText, html, StringComparison.Ordinal);
        Assert.Contains("This information is for patients and caregivers in the US.", html, StringComparison.Ordinal);
        Assert.Contains("class=\"letter letter-patient\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hcp-notice", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/ask?for=patient\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HcpPath)]
    [InlineData(HcpPath + "/history")]
    [InlineData(HcpPath + "/versions/1")]
    [InlineData(HcpPath + "/compare?from=1&to=1")]
    public async Task The_public_gets_the_hcp_notice_instead_of_an_hcp_letter(string path)
    {
        var response = await Public().GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This letter is for US healthcare professionals", html, StringComparison.Ordinal);
        Assert.Contains("I am a patient or caregiver", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HcpText, html, StringComparison.Ordinal);
        Assert.DoesNotContain("POEMS", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Age.HasValue);
    }

    [Fact]
    public async Task An_hcp_letter_cached_for_a_professional_is_never_served_to_the_public()
    {
        var professional = await portal.CreateHcpClient().GetStringAsync(HcpPath);
        var response = await Public().GetAsync(HcpPath);

        Assert.Contains(HcpText, WebUtility.HtmlDecode(professional), StringComparison.Ordinal);
        Assert.DoesNotContain(HcpText, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData(HcpPath + "/pdf", HcpPath)]
    [InlineData(HcpPath + "/versions/1/pdf", HcpPath + "/versions/1")]
    public async Task The_public_is_never_printed_an_hcp_letter(string path, string noticePage)
    {
        var audit = portal.Services.GetRequiredService<AuditTrail>();
        var before = (await audit.VerifyAsync()).Records;

        var response = await Public().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(noticePage, response.Headers.Location!.OriginalString);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await audit.VerifyAsync()).Records);
    }

    [Theory]
    [InlineData(PatientPath + "/pdf")]
    [InlineData(PatientPath + "/versions/1/pdf")]
    public async Task The_public_downloads_a_patient_letter_as_PDF(string path)
    {
        var response = await Public().GetAsync(path);

        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Assert.Fail("Chromium is needed for this test: " + await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Home_lists_for_the_public_only_what_is_written_for_them_and_says_so()
    {
        var html = WebUtility.HtmlDecode(await Public().GetStringAsync("/"));

        Assert.Contains(PatientPath, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HcpPath, html, StringComparison.Ordinal);
        Assert.DoesNotContain("DARZALEX", html, StringComparison.Ordinal);
        Assert.Contains("Are you a US healthcare professional?", html, StringComparison.Ordinal);
        Assert.Contains("Until you answer, you see only information for patients and caregivers.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_lists_both_for_a_professional_with_the_patient_letter_marked()
    {
        var html = WebUtility.HtmlDecode(await portal.CreateHcpClient().GetStringAsync("/"));

        Assert.Contains(PatientPath, html, StringComparison.Ordinal);
        Assert.Contains(HcpPath, html, StringComparison.Ordinal);
        Assert.Contains("For patients</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Are you a US healthcare professional?", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/products/darzalex", HttpStatusCode.NotFound)]
    [InlineData("/products/darzalexfaspro", HttpStatusCode.NotFound)]
    [InlineData("/products/zentravir", HttpStatusCode.OK)]
    public async Task A_product_page_shows_the_public_its_patient_letters_only(string path, HttpStatusCode expected)
    {
        var response = await Public().GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(HcpPath, html, StringComparison.Ordinal);
        Assert.Equal(expected == HttpStatusCode.OK, html.Contains(PatientPath, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POEMS")]
    [InlineData("daratumumab")]
    [InlineData("Dima")]
    public async Task Search_finds_no_hcp_letter_for_the_public(string query)
    {
        var publicHtml = WebUtility.HtmlDecode(await Public().GetStringAsync("/search?q=" + query));
        var professionalHtml = WebUtility.HtmlDecode(await portal.CreateHcpClient().GetStringAsync("/search?q=" + query));

        Assert.DoesNotContain(HcpPath, publicHtml, StringComparison.Ordinal);
        Assert.Contains("No letters match", publicHtml, StringComparison.Ordinal);
        Assert.Contains(HcpPath, professionalHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_the_patient_letter_for_everyone_and_marks_it()
    {
        var html = WebUtility.HtmlDecode(await Public().GetStringAsync("/search?q=missed+dose"));

        Assert.Contains(PatientPath, html, StringComparison.Ordinal);
        Assert.Contains("For patients</span>", html, StringComparison.Ordinal);
    }
}
