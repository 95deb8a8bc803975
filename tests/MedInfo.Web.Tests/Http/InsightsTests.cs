using System.Net;
using MedInfo.Store.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>The insights page over HTTP: Admin only, counts from real searches and requests, CSV per table.</summary>
public sealed class InsightsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Admin = "lead@example.org";
    private const string Staff = "member@example.org";

    public async Task InitializeAsync()
    {
        await portal.CreateClient().GetAsync("/healthz");
        await StaffSession.CreateUserAsync(portal, Admin, StaffIdentity.AdminRole);
        await StaffSession.CreateUserAsync(portal, Staff);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Only_admins_see_insights_and_a_search_without_results_shows_there_and_in_its_CSV()
    {
        var reader = portal.CreateHcpClient();
        await reader.GetAsync("/search?q=Zorvexa+in+pregnancy");
        await reader.GetAsync("/search?q=zorvexa  IN pregnancy");
        await reader.GetAsync("/search?q=POEMS");
        var first = await reader.GetAsync("/letters/darzalex-poems-syndrome");
        await reader.GetAsync("/letters/darzalex-poems-syndrome");
        using (var revalidation = new HttpRequestMessage(HttpMethod.Get, "/letters/darzalex-poems-syndrome"))
        {
            revalidation.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(revalidation)).StatusCode);
        }

        await reader.GetAsync("/letters/no-such-letter");
        var counter = portal.Services.GetRequiredService<MedInfo.Web.Components.Pages.Letter.LetterViewCounter>();
        var insights = portal.Services.GetRequiredService<MedInfo.Store.Insights.Insights>();
        for (var attempt = 0; attempt < 50 && (await insights.BuildAsync()).MostRead.Sum(r => r.Count) < 3; attempt++)
        {
            await counter.FlushAsync(); // what the portal does once a minute
            await Task.Delay(20);
        }

        await RequestForms.AskForNumberAsync(RequestForms.Reader(portal, "192.0.2.44"), RequestForms.Question("Any data in POEMS syndrome?"));

        var member = StaffSession.Client(portal);
        await StaffSession.SignInAsync(member, Staff);
        var denied = await member.GetAsync("/staff/insights");
        var deniedCsv = await member.GetAsync("/staff/insights/searches-without-results.csv");
        var lead = StaffSession.Client(portal);
        await StaffSession.SignInAsync(lead, Admin);
        var page = await lead.GetStringAsync("/staff/insights");
        var csv = await lead.GetStringAsync("/staff/insights/searches-without-results.csv");
        var unknownCsv = await lead.GetAsync("/staff/insights/no-such-table.csv");

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/staff/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, deniedCsv.StatusCode);
        Assert.Contains("<td>zorvexa in pregnancy</td><td>2</td>", page, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("<td>darzalex-poems-syndrome</td><td>3</td>", page, StringComparison.Ordinal); // two pages and a revalidation
        Assert.Contains("<dt>Requests received</dt><dd>1</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("imani@example.org", page, StringComparison.Ordinal); // no personal data
        Assert.StartsWith("Search,Times\r\nzorvexa in pregnancy,2\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("poems", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownCsv.StatusCode);
    }
}
