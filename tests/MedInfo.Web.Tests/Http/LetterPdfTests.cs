using System.Net;
using System.Security.Cryptography;
using MedInfo.Store.Audit;
using MedInfo.Store.Usage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>"Download PDF" on a letter page: a PDF, counted for readers and recorded for staff, clear answers when it cannot.</summary>
public sealed class LetterPdfTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private AuditTrail Audit => portal.Services.GetRequiredService<AuditTrail>();

    [Fact]
    public async Task A_reader_download_is_counted_per_version_and_day_and_never_fills_the_audit_trail()
    {
        var client = portal.CreateHcpClient();
        Assert.Contains("href=\"/letters/darzalex-poems-syndrome/pdf\"", await client.GetStringAsync("/letters/darzalex-poems-syndrome"), StringComparison.Ordinal);
        var before = (await Audit.ListAsync(new ExportQuery())).Count;
        var counted = await DownloadsAsync();

        var response = await client.GetAsync("/letters/darzalex-poems-syndrome/pdf");
        var again = await client.GetAsync("/letters/darzalex-poems-syndrome/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("darzalex-poems-syndrome-v1.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(before, (await Audit.ListAsync(new ExportQuery())).Count);
        Assert.Equal(counted + 2, await DownloadsAsync());
    }

    [Fact]
    public async Task A_staff_download_is_an_export_on_the_audit_trail()
    {
        const string email = "pdf-staff@example.org";
        await StaffSession.CreateUserAsync(portal, email);
        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, email);
        var before = (await Audit.ListAsync(new ExportQuery())).Count;

        var page = await staff.GetStringAsync("/letters/darzalex-poems-syndrome"); // staff pass the HCP gate without the notice
        var response = await staff.GetAsync("/letters/darzalex-poems-syndrome/pdf");

        Assert.Contains("href=\"/letters/darzalex-poems-syndrome/pdf\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("hcp-notice", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = await Audit.ListAsync(new ExportQuery());
        Assert.Equal(before + 1, records.Count);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())), records[0].PdfSha256);
        Assert.Equal(email, records[0].UserName);
        Assert.Equal("darzalex-poems-syndrome", records[0].Letters.Single().LetterId);
    }

    private async Task<long> DownloadsAsync() =>
        (await portal.Services.GetRequiredService<ReaderDownloads>().ListAsync("darzalex-poems-syndrome")).Where(d => d.VersionNumber == 1).Sum(d => d.Count);

    [Fact]
    public async Task A_past_version_downloads_as_that_version()
    {
        var response = await portal.CreateHcpClient().GetAsync("/letters/darzalex-poems-syndrome/versions/1/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("darzalex-poems-syndrome-v1.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Theory]
    [InlineData("/letters/no-such-letter/pdf")]
    [InlineData("/letters/darzalex-poems-syndrome/versions/99/pdf")]
    [InlineData("/letters/%3Cscript%3E/pdf")]
    public async Task Unknown_letters_and_versions_are_404_and_record_nothing(string path)
    {
        var before = (await Audit.ListAsync(new ExportQuery())).Count;

        var response = await portal.CreateHcpClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, (await Audit.ListAsync(new ExportQuery())).Count);
    }

    [Theory]
    [InlineData("/letters/..%2F..%2Fetc%2Fpasswd/pdf")]
    [InlineData("/letters/%3Cscript%3E/pdf")]
    [InlineData("/letters/Upper-Case/versions/1/pdf")]
    public async Task An_id_no_letter_can_have_is_404_even_before_the_notice_and_never_redirected(string path)
    {
        var response = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Without_the_HCP_confirmation_the_PDF_link_leads_to_the_notice()
    {
        var response = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/letters/darzalex-poems-syndrome/pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/letters/darzalex-poems-syndrome", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task One_client_exporting_too_fast_gets_429_with_retry_after()
    {
        var client = portal.CreateHcpClient();
        var limited = await RateLimitProbe.FirstRefusedAsync(40, _ => client.GetAsync("/letters/no-such-letter/pdf"));

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}

/// <summary>A server without Chromium: PDF export explains how to install it; reading goes on.</summary>
public sealed class MissingChromiumTests(MissingChromiumTests.Factory portal) : IClassFixture<MissingChromiumTests.Factory>
{
    public sealed class Factory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MedInfo:Pdf:ChromiumPath", "/nonexistent/chromium");
        }
    }

    [Fact]
    public async Task The_PDF_answers_503_with_install_advice_and_the_letter_page_still_works()
    {
        var client = portal.CreateHcpClient();

        var pdf = await client.GetAsync("/letters/darzalex-poems-syndrome/pdf");
        var page = await client.GetAsync("/letters/darzalex-poems-syndrome");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("apt-get install chromium", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Health_says_degraded_and_names_the_PDF_engine()
    {
        var response = await portal.CreateClient().GetAsync("/healthz");
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", json.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Contains("apt-get install chromium", json.GetProperty("checks").GetProperty("pdf-engine").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>The portal as `scripts/run.sh` starts it (Development: the container validates service scopes).</summary>
public sealed class DevelopmentPdfTests(DevelopmentPortalFactory portal) : IClassFixture<DevelopmentPortalFactory>
{
    [Fact]
    public async Task Download_PDF_works_in_development_too()
    {
        var response = await portal.CreateHcpClient().GetAsync("/letters/darzalex-poems-syndrome/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
    }
}

/// <summary>
/// A portal starts Chromium in the background while it starts, so the first reader's PDF does not wait seconds for
/// the browser; start-up itself does not wait for it.
/// </summary>
public sealed class PdfEngineStartupTests
{
    [Fact]
    public async Task Chromium_is_running_after_start_up_before_any_PDF_is_asked_for()
    {
        await using var portal = new StartingPortal();
        var engine = portal.Services.GetRequiredService<MedInfo.Pdf.ChromiumPdfEngine>();
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient().GetAsync("/healthz/live")).StatusCode);

        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !engine.IsRunning && waited.Elapsed < TimeSpan.FromSeconds(60);)
        {
            await Task.Delay(100);
        }

        Assert.True(engine.IsRunning, "Chromium should start by itself once the portal is up");
    }

    private sealed class StartingPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MedInfo:Pdf:StartWithPortal", "true");
        }
    }
}
