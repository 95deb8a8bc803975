using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MedInfo.Store.Audit;
using MedInfo.Store.Delivery;
using MedInfo.Store.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>A real SMTP server (aiosmtpd) and two portals sending through it: one attaching the PDF, one sending a secure link.</summary>
public sealed class MailDeskFixture : IAsyncLifetime
{
    public LocalSmtpServer Smtp { get; private set; } = null!;

    public MailPortalFactory Attaching { get; private set; } = null!;

    public MailPortalFactory Linking { get; private set; } = null!;

    public const string Staff = "delivery@example.org";

    public async Task InitializeAsync()
    {
        Smtp = await LocalSmtpServer.StartAsync();
        Attaching = new MailPortalFactory(Smtp.Port, "Attach");
        Linking = new MailPortalFactory(Smtp.Port, "Link");
        foreach (var portal in new[] { Attaching, Linking })
        {
            await portal.CreateClient().GetAsync("/healthz");
            await StaffSession.CreateUserAsync(portal, Staff);
        }
    }

    public async Task DisposeAsync()
    {
        await Attaching.DisposeAsync();
        await Linking.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// Answers reaching requesters: the message as the server received it (headers, body, attachment bytes against the
/// audit record), secure links followed, revoked and expired, a server that is down or silent, and header injection.
/// </summary>
public sealed partial class DeliveryTests(MailDeskFixture mail) : IClassFixture<MailDeskFixture>
{
    private static async Task<HttpClient> StaffAsync(PortalFactory portal)
    {
        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, MailDeskFixture.Staff);
        return staff;
    }

    private static async Task<(string Number, ExportRecordView Package)> AnsweredAsync(PortalFactory portal, HttpClient staff, string address, string name = "Dr. Imani Example", string question = "Is there any data on DARZALEX in POEMS syndrome?")
    {
        var number = await RequestForms.AskForNumberAsync(RequestForms.Reader(portal, address), RequestForms.Question(question, name: name));
        await RequestForms.AnswerWithSeedAsync(staff, number, name);
        var package = (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery(Text: number, Kind: NewExport.PackageKind))).Single();
        return (number, package);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient staff, string number, long export) =>
        StaffSession.PostFormAsync(staff, $"/staff/requests/{number}", $"deliver-{export}", [new("export", export.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    [Fact]
    public async Task An_answer_sent_by_email_carries_exactly_the_recorded_PDF_and_the_request_says_so()
    {
        var staff = await StaffAsync(mail.Attaching);
        var (number, package) = await AnsweredAsync(mail.Attaching, staff, "198.51.100.1");

        var sent = await SendAsync(staff, number, package.Id);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await ErrorOfAsync(sent));
        var message = await mail.Smtp.MessageAsync(m => (m.Subject ?? string.Empty).Contains(number, StringComparison.Ordinal));

        Assert.Equal("imani@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Dr. Imani Example", message.To.Mailboxes.Single().Name);
        Assert.Equal("medinfo@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal(number, message.Headers["X-MedInfo-Request"]);
        Assert.Contains("Is there any data on DARZALEX in POEMS syndrome?", message.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Dear Dr. Imani Example", message.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimeKit.MimePart>(Assert.Single(message.Attachments));
        await using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(package.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
        var detail = await mail.Attaching.Services.GetRequiredService<RequestDesk>().GetAsync(number, null);
        Assert.Equal(DeliveryState.Sent, detail!.Delivery);
        Assert.Contains(detail.History, h => h.Kind == RequestEvents.Delivered && h.UserName == MailDeskFixture.Staff && h.Details.Contains("attached", StringComparison.Ordinal));
        Assert.DoesNotContain("imani@example.org", string.Join('\n', detail.History.Select(h => h.Details)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secure_link_downloads_exactly_the_recorded_PDF_until_it_is_revoked_or_expires()
    {
        var portal = mail.Linking;
        var staff = await StaffAsync(portal);
        var (number, package) = await AnsweredAsync(portal, staff, "198.51.100.2");
        await SendAsync(staff, number, package.Id);
        var message = await mail.Smtp.MessageAsync(m => (m.Subject ?? string.Empty).Contains(number, StringComparison.Ordinal));
        Assert.Empty(message.Attachments);
        var link = RequestFormsLink().Match(message.TextBody ?? string.Empty).Value;
        var path = new Uri(link).AbsolutePath;

        var requester = RequestForms.Reader(portal, "198.51.100.3"); // no HCP notice, no account
        var page = await requester.GetAsync(path);
        var pdf = await requester.GetAsync(path + "/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Download the response (PDF)", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", pdf.Headers.CacheControl?.ToString());
        Assert.Equal(package.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var links = portal.Services.GetRequiredService<SecureLinks>();
        var made = Assert.Single(await links.ListAsync(number));
        Assert.Equal(1, made.Downloads);
        var history = (await portal.Services.GetRequiredService<RequestDesk>().GetAsync(number, null))!.History;
        Assert.Contains(history, h => h.Kind == RequestEvents.LinkOpened && h.UserName is null);

        // Expired: as if 30 days went by.
        await using (var db = await portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MedInfo.Store.MedInfoDb>>().CreateDbContextAsync())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "UPDATE SecureLinks SET ExpiresUtc = '2020-01-01 00:00:00' WHERE Id = {0}", made.Id);
        }

        var expired = await requester.GetAsync(path);
        var expiredPdf = await requester.GetAsync(path + "/pdf");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This link has expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, expiredPdf.StatusCode);

        // A new link, then revoked by staff.
        var second = await links.CreateAsync(number, package.Id, MailDeskFixture.Staff);
        var revoke = await StaffSession.PostFormAsync(staff, $"/staff/requests/{number}", $"revoke-{second.Link.Id}", [new("link", second.Link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var revoked = await requester.GetAsync($"/responses/{second.Token}");
        var unknown = await requester.GetAsync("/responses/not-a-token");

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Contains("This link was withdrawn", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_leaves_the_request_answered_not_delivered_and_a_retry_sends_it()
    {
        var staff = await StaffAsync(mail.Attaching);
        var (number, package) = await AnsweredAsync(mail.Attaching, staff, "198.51.100.4");
        var desk = mail.Attaching.Services.GetRequiredService<RequestDesk>();

        await mail.Smtp.StopAsync();
        HttpResponseMessage failed;
        try
        {
            failed = await SendAsync(staff, number, package.Id);
        }
        finally
        {
            await mail.Smtp.RestartAsync();
        }

        var afterFailure = await desk.GetAsync(number, null);
        var html = await failed.Content.ReadAsStringAsync();
        var inbox = await staff.GetStringAsync("/staff/requests");
        var row = inbox[inbox.IndexOf($"href=\"/staff/requests/{number}\"", StringComparison.Ordinal)..];
        Assert.Contains("Not delivered", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal); // back in the inbox, flagged
        var retried = await SendAsync(staff, number, package.Id);
        var afterRetry = await desk.GetAsync(number, null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("could not be reached", html, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Answered, afterFailure!.Status);
        Assert.Equal(DeliveryState.Failed, afterFailure.Delivery);
        Assert.Contains("could not be reached", afterFailure.DeliveryProblem, StringComparison.Ordinal);
        Assert.Contains(afterFailure.History, h => h.Kind == RequestEvents.DeliveryFailed);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(DeliveryState.Sent, afterRetry!.Delivery);
        await mail.Smtp.MessageAsync(m => (m.Subject ?? string.Empty).Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_the_send_within_its_timeout()
    {
        // Accepts the connection and says nothing, as a stuck relay does.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await silent.AcceptTcpClientAsync());
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // stopped
            }
        });
        await using var portal = new MailPortalFactory(((IPEndPoint)silent.LocalEndpoint).Port, "Attach");
        await StaffSession.CreateUserAsync(portal, MailDeskFixture.Staff);
        var staff = await StaffAsync(portal);
        var (number, package) = await AnsweredAsync(portal, staff, "198.51.100.5");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failed = await SendAsync(staff, number, package.Id);
        var took = clock.Elapsed;
        silent.Stop();
        await accepting;
        accepted.ForEach(c => c.Dispose());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("did not finish within 5 s", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(took, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));
        Assert.Equal(DeliveryState.Failed, (await portal.Services.GetRequiredService<RequestDesk>().GetAsync(number, null))!.Delivery);
    }

    [Fact]
    public async Task Line_breaks_in_a_name_cannot_add_a_header_or_a_recipient()
    {
        var staff = await StaffAsync(mail.Attaching);
        var (number, package) = await AnsweredAsync(mail.Attaching, staff, "198.51.100.6", name: "Dr. Crlf\r\nBcc: evil@example.org\r\nX-Injected: yes");

        var sent = await SendAsync(staff, number, package.Id);
        var message = await mail.Smtp.MessageAsync(m => (m.Subject ?? string.Empty).Contains(number, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Single(message.To.Mailboxes);
        Assert.Empty(message.Bcc);
        Assert.Empty(message.Cc);
        Assert.False(message.Headers.Contains("X-Injected"));
        Assert.Equal("imani@example.org", message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task An_address_a_mail_server_would_misread_is_refused_before_anything_is_sent()
    {
        var portal = mail.Attaching;
        var staff = await StaffAsync(portal);
        var desk = portal.Services.GetRequiredService<RequestDesk>();
        var number = await desk.SubmitAsync(new NewRequest(RequesterKind.Hcp, "Dr. Two Addresses", "MD", null, "Canada", null, "a@example.org, b@example.org", null,
            ReplyChannel.Email, [], null, "Dosing?", false, false, null, true, RequestChannel.Email));
        await RequestForms.AnswerWithSeedAsync(staff, number, "Dr. Two Addresses");
        var package = (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery(Text: number, Kind: NewExport.PackageKind))).Single();
        var before = mail.Smtp.Messages().Count;

        var refused = await SendAsync(staff, number, package.Id);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("no email address a mail server would take", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, mail.Smtp.Messages().Count);
    }

    /// <summary>The page's error message, for a failure's own words in the test output.</summary>
    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("class=\"form-error\"", StringComparison.Ordinal);
        return $"{(int)response.StatusCode}: " + (start < 0 ? string.Empty : html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"http://localhost/responses/[A-Za-z0-9_\-]+")]
    private static partial System.Text.RegularExpressions.Regex RequestFormsLink();
}
