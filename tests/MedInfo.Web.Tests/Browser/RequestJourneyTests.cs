using System.Text.RegularExpressions;
using MedInfo.Store.Requests;
using MedInfo.Web.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>
/// The whole journey in a real browser: an HCP asks through the form, staff find the request first in the inbox,
/// take it, answer it with the seed letter, and the request log holds every step; then an adverse event, flagged,
/// due in a business day, forwarded. Each page is checked with axe-core and photographed.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed partial class RequestJourneyTests(BrowserFixture browser)
{
    private const string Staff = "desk@example.org";

    [Fact]
    public async Task A_question_is_asked_triaged_answered_and_recorded()
    {
        await StaffSession.CreateUserAsync(browser.Portal, Staff);

        // The HCP, from the home page.
        var hcp = await browser.NewPageAsync(asProfessional: true, bypassCsp: true);
        await hcp.GotoAsync("/");
        await hcp.GetByRole(AriaRole.Link, new() { Name = "Ask Medical Information a question" }).ClickAsync();
        await FillQuestionAsync(hcp, "Dr. Journey Example", "Is there any data on DARZALEX in POEMS syndrome?");
        await hcp.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        Assert.Empty(await Axe.ViolationsAsync(hcp));
        await BrowserFixture.ScreenshotAsync(hcp, "20-ask-a-question");
        await hcp.GetByRole(AriaRole.Button, new() { Name = "Send the question" }).ClickAsync();
        await Assertions.Expect(hcp.GetByRole(AriaRole.Heading, new() { Name = "Your question was received" })).ToBeVisibleAsync();
        var number = NumberPattern().Match(await hcp.Locator(".request-number").InnerTextAsync()).Value;
        Assert.NotEmpty(number);
        await BrowserFixture.ScreenshotAsync(hcp, "21-question-received");

        // Staff: the inbox, the request, the package.
        var staff = await browser.NewPageAsync(asProfessional: false, bypassCsp: true);
        await staff.GotoAsync("/staff/requests");
        await staff.GetByLabel("Email").FillAsync(Staff);
        await staff.GetByLabel("Password").FillAsync(StaffSession.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".inbox-table tbody tr").First).ToContainTextAsync(number);
        Assert.Empty(await Axe.ViolationsAsync(staff));
        await BrowserFixture.ScreenshotAsync(staff, "22-staff-inbox");

        await staff.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = $"Request {number}" })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Take this request" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".request-state")).ToContainTextAsync("In progress");
        Assert.Empty(await Axe.ViolationsAsync(staff));
        await BrowserFixture.ScreenshotAsync(staff, "23-staff-request");
        await staff.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("Use of DARZALEX") }).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Make the response package" }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Dr. Journey Example");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create the package PDF" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".request-state")).ToContainTextAsync("Answered", new() { Timeout = 60_000 });

        var desk = browser.Portal.Services.GetRequiredService<RequestDesk>();
        var answered = await desk.GetAsync(number, null);
        Assert.Equal([RequestEvents.Received, RequestEvents.Assigned, RequestEvents.Package], answered!.History.Where(h => h.Kind != RequestEvents.Viewed).Select(h => h.Kind));
        Assert.True((await browser.Portal.Services.GetRequiredService<RequestLog>().VerifyAsync()).Intact);

        // An adverse event: flagged, first in the inbox, due in one business day, forwarded.
        await hcp.GotoAsync("/ask");
        await FillQuestionAsync(hcp, "Dr. Safety Example", "What is known about infusion reactions?");
        await hcp.GetByRole(AriaRole.Radio, new() { Name = "Yes" }).CheckAsync();
        await hcp.GetByRole(AriaRole.Checkbox, new() { Name = "A side effect or adverse event" }).CheckAsync();
        await hcp.GetByLabel("What happened, and when").FillAsync("Chills and fever during the first infusion; resolved the same day.");
        await hcp.GetByRole(AriaRole.Button, new() { Name = "Send the question" }).ClickAsync();
        var flagged = NumberPattern().Match(await hcp.Locator(".request-number").InnerTextAsync()).Value;

        await staff.GotoAsync("/staff/requests");
        var first = staff.Locator(".inbox-table tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync(flagged);
        await Assertions.Expect(first).ToContainTextAsync("Adverse event? Not forwarded");
        await staff.GetByRole(AriaRole.Link, new() { Name = flagged }).ClickAsync();
        var detail = await desk.GetAsync(flagged, null);
        Assert.InRange(detail!.PharmacovigilanceDueUtc!.Value - detail.ReceivedUtc, TimeSpan.FromDays(1), TimeSpan.FromDays(3));
        await staff.GetByLabel("Pharmacovigilance reference").FillAsync("PV-2026-0099");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Record as forwarded" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".safety-box")).ToContainTextAsync("reference PV-2026-0099");
        Assert.Empty(await Axe.ViolationsAsync(staff));
        await BrowserFixture.ScreenshotAsync(staff, "24-staff-request-forwarded");
        Assert.Contains((await desk.GetAsync(flagged, null))!.History, h => h.Kind == RequestEvents.Forwarded && h.UserName == Staff);

        // The team lead's insights count both requests; charts are SVG with their tables.
        await StaffSession.CreateUserAsync(browser.Portal, "lead@example.org", MedInfo.Store.Staff.StaffIdentity.AdminRole);
        var lead = await browser.NewPageAsync(asProfessional: false, bypassCsp: true);
        await lead.GotoAsync("/staff/insights");
        await lead.GetByLabel("Email").FillAsync("lead@example.org");
        await lead.GetByLabel("Password").FillAsync(StaffSession.Password);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Insights" })).ToBeVisibleAsync();
        await Assertions.Expect(lead.Locator(".insight-figures")).ToContainTextAsync("Requests received2");
        Assert.Empty(await Axe.ViolationsAsync(lead));
        await BrowserFixture.ScreenshotAsync(lead, "25-staff-insights");
    }

    private static async Task FillQuestionAsync(IPage page, string name, string question)
    {
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Profession and credentials").FillAsync("MD, hematologist");
        await page.GetByLabel("Institution").FillAsync("Example University Hospital");
        await page.GetByLabel("Country").FillAsync("United States");
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Email") }).FillAsync("journey@example.org");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Email" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^DARZALEX® ") }).CheckAsync();
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync(question);
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^I agree") }).CheckAsync();
    }

    [GeneratedRegex(@"MIR-\d{4}-\d{6}")]
    private static partial Regex NumberPattern();
}
