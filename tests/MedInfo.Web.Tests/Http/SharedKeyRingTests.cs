using System.Net;
using MedInfo.Store.Audit;
using MedInfo.Store.Tests;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// Two portals on one PostgreSQL database behind a load balancer, each with its own home folder and data folder
/// (two machines): a staff member signs in on one and the next request lands on the other.
/// </summary>
public sealed class SharedKeyRingTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task A_sign_in_and_an_antiforgery_token_from_one_portal_are_accepted_by_the_other()
    {
        var store = await server.CreateAsync(string.Empty);
        var folder = Directory.CreateTempSubdirectory("medinfo-keyring-").FullName;
        var certificate = TestCertificate.WritePfx(folder);
        await using var first = new PostgreSqlPortalFactory(store.ConnectionString, certificate);
        await using var second = new PostgreSqlPortalFactory(store.ConnectionString, certificate);
        await StaffSession.CreateUserAsync(first, "staff@example.org");
        var browser = new CookieContainer(); // one browser, whichever portal answers
        using var onFirst = first.CreateDefaultClient(first.ClientOptions.BaseAddress, new CookieContainerHandler(browser));
        using var onSecond = second.CreateDefaultClient(second.ClientOptions.BaseAddress, new CookieContainerHandler(browser));

        var signedIn = await StaffSession.SignInAsync(onFirst, "staff@example.org");
        var inbox = await onSecond.GetAsync("/staff/requests");
        var created = await StaffSession.PostFormAsync(onFirst, "/staff/packages/new", "package", StaffSession.PackageRequest("MI-2026-0300"), postTo: onSecond);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode); // not sent to sign in again
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode); // not 400 for the first portal's token
        var package = Assert.Single(await second.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery(Text: "MI-2026-0300")));
        Assert.Equal("staff@example.org", package.UserName);
        Directory.Delete(folder, recursive: true);
    }
}
