using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MedInfo.Store.Audit;
using MedInfo.Web.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>
/// Delivery in a real browser, through a real SMTP server: a reader's search finds nothing; an HCP asks; staff
/// answer with the seed letter and send it; the message holds a secure link; the requester follows it and
/// downloads exactly the recorded PDF; the link, once expired, is refused; the insights count the request and the
/// search that found nothing.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed partial class DeliveryJourneyTests(BrowserFixture browser)
{
    private const string Lead = "lead-delivery@example.org";

    [Fact]
    public async Task An_answer_is_delivered_by_email_opened_by_its_secure_link_and_counted_in_the_insights()
    {
        await using var smtp = await LocalSmtpServer.StartAsync();
        await using var portal = new MailPortalFactory(smtp.Port, "Link");
        var baseUrl = BrowserFixture.StartOnKestrel(portal);
        await StaffSession.CreateUserAsync(portal, Lead, MedInfo.Store.Staff.StaffIdentity.AdminRole);

        // A reader searches for a letter that is not there, then asks.
        var hcp = await browser.NewPageAsync(asProfessional: true, bypassCsp: true, baseUrl: baseUrl);
        await hcp.GotoAsync("/search?q=zorvexa+pregnancy");
        await Assertions.Expect(hcp.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("No letters match") })).ToBeVisibleAsync();
        await hcp.GetByRole(AriaRole.Link, new() { Name = "Ask Medical Information a question" }).First.ClickAsync();
        await hcp.GetByLabel("Name", new() { Exact = true }).FillAsync("Dr. Mail Example");
        await hcp.GetByLabel("Profession and credentials").FillAsync("MD");
        await hcp.GetByLabel("Country").FillAsync("United States");
        await hcp.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Email") }).FillAsync("mail-example@example.org");
        await hcp.GetByRole(AriaRole.Radio, new() { Name = "Email" }).CheckAsync();
        await hcp.GetByLabel("Question", new() { Exact = true }).FillAsync("Is there any data on DARZALEX in POEMS syndrome?");
        await hcp.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await hcp.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^I agree") }).CheckAsync();
        await hcp.GetByRole(AriaRole.Button, new() { Name = "Send the question" }).ClickAsync();
        var number = NumberPattern().Match(await hcp.Locator(".request-number").InnerTextAsync()).Value;

        // Staff answer with the seed letter and send it.
        var staff = await browser.NewPageAsync(asProfessional: false, bypassCsp: true, baseUrl: baseUrl);
        await staff.GotoAsync($"/staff/requests/{number}");
        await staff.GetByLabel("Email").FillAsync(Lead);
        await staff.GetByLabel("Password").FillAsync(StaffSession.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("Use of DARZALEX") }).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Make the response package" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create the package PDF" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send by email" }).ClickAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(staff.Locator(".delivery-state")).ToContainTextAsync("Sent by email");
        Assert.Empty(await Axe.ViolationsAsync(staff));
        await BrowserFixture.ScreenshotAsync(staff, "26-staff-request-delivered");

        // The requester's message, its link, the download.
        var message = await smtp.MessageAsync(m => (m.Subject ?? string.Empty).Contains(number, StringComparison.Ordinal));
        var token = TokenPattern().Match(message.TextBody ?? string.Empty).Groups[1].Value;
        var requester = await browser.NewPageAsync(asProfessional: false, bypassCsp: true, baseUrl: baseUrl);
        await requester.GotoAsync($"/responses/{token}");
        Assert.Empty(await Axe.ViolationsAsync(requester));
        var download = await requester.RunAndWaitForDownloadAsync(() => requester.GetByRole(AriaRole.Link, new() { Name = "Download the response (PDF)" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        var recorded = (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery(Text: number, Kind: NewExport.PackageKind))).Single();
        Assert.Equal(recorded.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        // Thirty days later the link no longer opens.
        await using (var db = await portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MedInfo.Store.MedInfoDb>>().CreateDbContextAsync())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "UPDATE SecureLinks SET ExpiresUtc = '2020-01-01 00:00:00'");
        }

        var expired = await requester.GotoAsync($"/responses/{token}");
        Assert.Equal(410, expired!.Status);
        await Assertions.Expect(requester.GetByRole(AriaRole.Heading, new() { Name = "This link has expired" })).ToBeVisibleAsync();

        // The insights count the request and the search that found nothing.
        await staff.GotoAsync("/staff/insights");
        await Assertions.Expect(staff.Locator(".insight-figures")).ToContainTextAsync("Requests received1");
        await Assertions.Expect(staff.Locator(".insights-table", new() { HasText = "Searches that found no letter" })).ToContainTextAsync("zorvexa pregnancy");
        Assert.Empty(await Axe.ViolationsAsync(staff));
        await BrowserFixture.ScreenshotAsync(staff, "27-staff-insights-after-delivery");
    }

    [GeneratedRegex(@"MIR-\d{4}-\d{6}")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"/responses/([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenPattern();
}
