using System.Net;
using System.Security.Cryptography;
using MedInfo.Store.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>Staff sign-in, response packages and export records over HTTP.</summary>
public sealed class StaffTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Staff = "staff@example.org";

    public async Task InitializeAsync()
    {
        await portal.CreateClient().GetAsync("/healthz"); // starts the portal: store migrated, content imported
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        if (await users.FindByEmailAsync(Staff) is null)
        {
            await StaffSession.CreateUserAsync(portal, Staff);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/staff/exports")]
    [InlineData("/staff/packages/new")]
    [InlineData("/staff/exports/1")]
    [InlineData("/staff/exports/1/pdf")]
    [InlineData("/staff/exports.csv")]
    [InlineData("/staff/requests")]
    [InlineData("/staff/requests/MIR-2026-000001")]
    public async Task Anonymous_requests_to_staff_pages_are_sent_to_sign_in(string path)
    {
        var response = await StaffSession.Client(portal).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/signin?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_opens_the_staff_pages_and_signing_out_closes_them()
    {
        var client = StaffSession.Client(portal);

        var signIn = await StaffSession.SignInAsync(client, Staff);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/staff/requests", signIn.Headers.Location!.OriginalString.Replace(portal.Server.BaseAddress.ToString().TrimEnd('/'), string.Empty, StringComparison.Ordinal));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("medinfo-staff=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await client.GetStringAsync("/staff/exports");
        Assert.Contains("Export records", page, StringComparison.Ordinal);
        Assert.Contains(Staff, page, StringComparison.Ordinal);

        var signOut = await StaffSession.PostFormAsync(client, "/staff/exports", string.Empty, [], action: "/staff/signout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff/exports")).StatusCode);
    }

    [Fact]
    public async Task A_request_body_over_1_MiB_is_refused_with_413()
    {
        var body = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await StaffSession.Client(portal).PostAsync("/staff/signin", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Known_and_unknown_accounts_get_the_same_answer_before_and_after_five_failures()
    {
        const string known = "known-account@example.org";
        const string unknown = "no-such-account@example.org";
        await StaffSession.CreateUserAsync(portal, known);
        var attacker = StaffSession.Client(portal);

        var answers = new Dictionary<string, List<string>> { [known] = [], [unknown] = [] };
        foreach (var email in answers.Keys)
        {
            for (var i = 0; i < 7; i++)
            {
                var response = await StaffSession.SignInAsync(attacker, email, "not the password at all");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers[email].Add(ErrorText(await response.Content.ReadAsStringAsync()));
            }
        }

        Assert.Equal(answers[known], answers[unknown]);
        Assert.Contains("do not match a staff account", answers[known][0], StringComparison.Ordinal);
        Assert.DoesNotContain("locked", string.Join(' ', answers[known]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_anonymous_client_cannot_lock_a_staff_member_out()
    {
        const string email = "victim@example.org";
        await StaffSession.CreateUserAsync(portal, email);
        var attacker = StaffSession.Client(portal);
        for (var i = 0; i < 8; i++)
        {
            await StaffSession.SignInAsync(attacker, email, "not the password at all");
        }

        // The attacker's own guesses for this account pause, even with the right password...
        var attackerRight = await StaffSession.SignInAsync(attacker, email);
        Assert.Equal(HttpStatusCode.OK, attackerRight.StatusCode);

        // ...while the staff member, signing in from elsewhere, gets in.
        var staff = StaffSession.Client(portal);
        staff.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, "198.51.100.20");
        var right = await StaffSession.SignInAsync(staff, email);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    private static string ErrorText(string html)
    {
        var start = html.IndexOf("class=\"form-error\"", StringComparison.Ordinal);
        return start < 0 ? string.Empty : html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("/staff/signin")]
    [InlineData("/staff/packages/new")]
    [InlineData("/staff/signout")]
    public async Task Forms_posted_without_the_antiforgery_token_are_refused(string path)
    {
        var client = StaffSession.Client(portal);
        await StaffSession.SignInAsync(client, Staff);

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = path.EndsWith("signin", StringComparison.Ordinal) ? "signin" : "package",
            ["Input.Email"] = Staff,
            ["Input.Password"] = StaffSession.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_package_made_from_the_form_is_recorded_and_downloads_byte_for_byte()
    {
        var client = StaffSession.Client(portal);
        await StaffSession.SignInAsync(client, Staff);

        var created = await StaffSession.PostFormAsync(client, "/staff/packages/new", "package", StaffSession.PackageRequest("MI-2026-0100"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailPath = created.Headers.Location!.OriginalString;
        Assert.Matches(@"/staff/exports/\d+\?created=1$", detailPath);
        var detail = await client.GetStringAsync(detailPath);
        Assert.Contains("Dr. Rowan Example", detail, StringComparison.Ordinal);
        Assert.Contains("MI-2026-0100", detail, StringComparison.Ordinal);

        var id = long.Parse(detailPath.Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var record = await portal.Services.GetRequiredService<AuditTrail>().GetAsync(id);
        var pdf = await client.GetAsync($"/staff/exports/{id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal(record!.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(Staff, record.UserName);
        Assert.Equal("package", record.Kind);
    }

    [Fact]
    public async Task A_kept_PDF_changed_outside_MedInfo_is_refused_as_a_problem_not_served()
    {
        var client = StaffSession.Client(portal);
        await StaffSession.SignInAsync(client, Staff);
        var created = await StaffSession.PostFormAsync(client, "/staff/packages/new", "package", StaffSession.PackageRequest("MI-2026-0400"));
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var sha = (await portal.Services.GetRequiredService<AuditTrail>().GetAsync(id))!.PdfSha256;

        // Someone with the database file drops the guard and swaps the kept bytes.
        await using (var db = await portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MedInfo.Store.MedInfoDb>>().CreateDbContextAsync())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "DROP TRIGGER ExportFiles_NoUpdate; UPDATE ExportFiles SET Content = X'255044462D' WHERE Sha256 = {0};", sha);
        }

        var response = await client.GetAsync(StaffEndpointsUrl(id));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(sha[..12], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string StaffEndpointsUrl(long id) => $"/staff/exports/{id}/pdf";

    [Fact]
    public async Task A_package_form_with_mistakes_says_what_to_fix_and_records_nothing()
    {
        var client = StaffSession.Client(portal);
        await StaffSession.SignInAsync(client, Staff);
        var before = (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery())).Count;

        var response = await StaffSession.PostFormAsync(client, "/staff/packages/new", "package",
        [
            new("Form.RequestNumber", "<script>"),
            new("Form.DateReceived", "2999-01-01"),
            new("Form.HcpName", string.Empty),
        ]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A request number has letters, digits and - _ / . only.", html, StringComparison.Ordinal);
        Assert.Contains("Enter the HCP&#x27;s name.", html, StringComparison.Ordinal);
        Assert.Contains("not in the future", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html.Split("<main")[1], StringComparison.Ordinal);
        Assert.Equal(before, (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery())).Count);
    }

    [Theory]
    [InlineData("Form.HcpName", "Dr. Rowan \u202Egnp.exe", "The HCP&#x27;s name contains an invisible character, U&#x2B;202E")]
    [InlineData("Form.Institution", "Example\u200BClinic", "The institution contains an invisible character, U&#x2B;200B")]
    [InlineData("Form.Question", "What data exist?\u2066 hidden \u2069", "The question contains an invisible character, U&#x2B;2066")]
    [InlineData("Form.HcpName", "__long__", "The HCP&#x27;s name is limited to 200 characters.")]
    [InlineData("Form.Contact", "__long__", "The contact is limited to 400 characters.")]
    public async Task A_package_field_with_hidden_characters_or_too_long_is_refused_and_records_nothing(string field, string value, string message)
    {
        var client = StaffSession.Client(portal);
        await StaffSession.SignInAsync(client, Staff);
        var before = (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery())).Count;
        var fields = StaffSession.PackageRequest("MI-2026-0300").Select(f => f.Key == field ? new KeyValuePair<string, string>(field, value == "__long__" ? new string('x', 5000) : value) : f);

        var response = await StaffSession.PostFormAsync(client, "/staff/packages/new", "package", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains(message, StringComparison.Ordinal), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Equal(before, (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery())).Count);
    }

    [Fact]
    public async Task Records_filter_and_export_as_CSV()
    {
        var client = StaffSession.Client(portal);
        await StaffSession.SignInAsync(client, Staff);
        await client.GetAsync("/letters/darzalex-poems-syndrome/pdf"); // a staff download: an export on record

        var csv = await client.GetAsync("/staff/exports.csv?kind=letter");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("id,utc_time,kind,user,source,request_number,letters,pdf_sha256,pdf_bytes,record_hash", lines[0].TrimEnd('\r'));
        Assert.True(lines.Length >= 2);
        Assert.All(lines.Skip(1), l => Assert.Contains(",letter,", l, StringComparison.Ordinal));
        var filtered = await client.GetStringAsync("/staff/exports?q=no-such-request-anywhere");
        Assert.Contains("No export records match.", filtered, StringComparison.Ordinal);
    }
}

/// <summary>The sign-in budget per client address, at its production value.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.Factory portal) : IClassFixture<SignInRateLimitTests.Factory>
{
    public sealed class Factory : PortalFactory
    {
        protected override int SignInBudget => 10;
    }

    [Fact]
    public async Task Guessing_passwords_from_one_address_gets_429_with_retry_after()
    {
        var client = StaffSession.Client(portal);
        await StaffSession.SignInAsync(client, "first-guess@example.org", "wrong password guess"); // the window opens
        await Task.Delay(TimeSpan.FromSeconds(3));
        var limited = await RateLimitProbe.FirstRefusedAsync(15, i => StaffSession.SignInAsync(client, $"guess{i}@example.org", "wrong password guess"));

        Assert.NotNull(limited);
        // The time left in the five-minute window, not the whole window again.
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(298));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/signin")).StatusCode);
    }
}
