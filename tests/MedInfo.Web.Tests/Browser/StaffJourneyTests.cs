using MedInfo.Web.Tests.Http;
using Microsoft.Playwright;

namespace MedInfo.Web.Tests.Browser;

/// <summary>A staff member signs in, makes a response package and finds it in the records, in a real browser.</summary>
[Collection(BrowserFixture.Collection)]
public sealed class StaffJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Sign_in_make_a_package_and_find_its_record()
    {
        await StaffSession.CreateUserAsync(browser.Portal, "journey@example.org");
        var page = await browser.NewPageAsync(asProfessional: false, bypassCsp: true);

        await page.GotoAsync("/staff/packages/new");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/signin\\?ReturnUrl="));
        await page.GetByLabel("Email").FillAsync("journey@example.org");
        await page.GetByLabel("Password").FillAsync(StaffSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New response package" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(page));
        await page.GetByLabel("Request number").FillAsync("MI-2026-0777");
        await page.GetByLabel("Date received").FillAsync("2026-11-20");
        await page.GetByLabel("Question, as received").FillAsync("Any data on POEMS syndrome?");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Dr. Browser Example");
        await page.GetByLabel("Credentials").FillAsync("MD");
        await page.GetByLabel("Institution").FillAsync("Example Clinic");
        await page.GetByLabel("Address or email").FillAsync("browser@example.org");
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("Use of DARZALEX") }).CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "10-staff-package-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the package PDF" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The package was created and recorded.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".record-fields")).ToContainTextAsync("Dr. Browser Example");
        await BrowserFixture.ScreenshotAsync(page, "11-staff-export-record");
        await page.GetByRole(AriaRole.Link, new() { Name = "Export records" }).ClickAsync();
        await Assertions.Expect(page.Locator(".export-table")).ToContainTextAsync("MI-2026-0777");
        Assert.Empty(await Axe.ViolationsAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "12-staff-export-records");
    }
}
