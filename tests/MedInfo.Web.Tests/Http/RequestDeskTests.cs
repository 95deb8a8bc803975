using System.Net;
using System.Text.RegularExpressions;
using MedInfo.Store.Audit;
using MedInfo.Store.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// A question from the public form to an answered request over HTTP, as a browser sends it: the form, the inbox,
/// the request page, the package pre-filled from it, and the request log. Then what a bad or hostile sender meets.
/// </summary>
public sealed partial class RequestDeskTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Staff = "mi-staff@example.org";

    public async Task InitializeAsync()
    {
        await portal.CreateClient().GetAsync("/healthz");
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        if (await users.FindByEmailAsync(Staff) is null)
        {
            await StaffSession.CreateUserAsync(portal, Staff);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static KeyValuePair<string, string>[] Question(string question, string safety = "no", string name = "Dr. Imani Example", params KeyValuePair<string, string>[] more) =>
        RequestForms.Question(question, safety, name, more);

    private HttpClient Reader(string address) => RequestForms.Reader(portal, address);

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields) => RequestForms.AskAsync(client, fields);

    private async Task<int> CountRequestsAsync() =>
        (await portal.Services.GetRequiredService<RequestDesk>().ListAsync(new InboxQuery(All: true))).Total;

    [Fact]
    public async Task An_HCP_question_becomes_a_numbered_request_that_staff_answer_with_the_seed_letter()
    {
        var sent = await AskAsync(Reader("203.0.113.10"), Question("Is there any data on DARZALEX in POEMS syndrome?"));
        Assert.True(HttpStatusCode.Redirect == sent.StatusCode, (await sent.Content.ReadAsStringAsync()).Split("<main")[^1]);
        var received = sent.Headers.Location!.OriginalString;
        var number = NumberPattern().Match(received).Value;
        Assert.NotEmpty(number);
        Assert.Contains(number, await Reader("203.0.113.10").GetStringAsync(received), StringComparison.Ordinal);

        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, Staff);
        var inbox = await staff.GetStringAsync($"/staff/requests?q={number}");
        Assert.Contains(RequestLink(number), inbox, StringComparison.Ordinal);

        var page = await staff.GetStringAsync(RequestPath(number));
        Assert.Contains("Dr. Imani Example", page, StringComparison.Ordinal);
        Assert.Contains("value=\"darzalex-poems-syndrome\"", page, StringComparison.Ordinal); // suggested from the question
        var taken = await StaffSession.PostFormAsync(staff, RequestPath(number), "assign", [new("assignee", "me")]);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);

        var packagePath = $"/staff/packages/new?request={number}&letter=darzalex-poems-syndrome";
        var form = await staff.GetStringAsync(packagePath);
        Assert.Contains("value=\"Dr. Imani Example\"", form, StringComparison.Ordinal);
        var made = await StaffSession.PostFormAsync(staff, packagePath, "package",
        [
            new("Form.RequestNumber", number), new("Form.DateReceived", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.Question", "Is there any data on DARZALEX in POEMS syndrome?"), new("Form.HcpName", "Dr. Imani Example"), new("Form.Credentials", "MD, hematologist"),
            new("Form.Institution", "Example University Hospital"), new("Form.Contact", "imani@example.org"), new("letter", "darzalex-poems-syndrome"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.EndsWith(RequestPath(number), made.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var detail = await portal.Services.GetRequiredService<RequestDesk>().GetAsync(number, Staff);
        Assert.Equal(RequestStatus.Answered, detail!.Status);
        Assert.Equal(Staff, detail.AssignedTo);
        Assert.Equal([RequestEvents.Received, RequestEvents.Assigned, RequestEvents.Package], detail.History.Where(h => h.Kind != RequestEvents.Viewed).Select(h => h.Kind));
        Assert.All(detail.History.Where(h => h.Kind == RequestEvents.Viewed), h => Assert.Equal(Staff, h.UserName)); // every look at the personal data

        var export = (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery(Text: number))).Single();
        var pdf = await staff.GetByteArrayAsync(StaffEndpointsPdf(export.Id));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var cover = string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Imani", cover, StringComparison.Ordinal);
        Assert.Contains(number, cover, StringComparison.Ordinal);
        Assert.Contains("POEMS", cover, StringComparison.Ordinal);
        Assert.True((await portal.Services.GetRequiredService<RequestLog>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_side_effect_question_is_flagged_first_in_the_inbox_and_its_forwarding_recorded()
    {
        var sent = await AskAsync(Reader("203.0.113.11"), Question("What should I know about infusion reactions?", safety: "yes", more:
            [new("Form.SideEffect", "true"), new("Form.EventDetails", "Fever and chills during the first infusion, resolved the same day.")]));
        var number = NumberPattern().Match(sent.Headers.Location!.OriginalString).Value;

        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, Staff);
        var inbox = await staff.GetStringAsync("/staff/requests?flag=adverse-event");
        var page = await staff.GetStringAsync(RequestPath(number));
        var forwarded = await StaffSession.PostFormAsync(staff, RequestPath(number), "forward", [new("reference", "PV-CASE-7781")]);
        var detail = await portal.Services.GetRequiredService<RequestDesk>().GetAsync(number, Staff);

        Assert.Contains("Adverse event?", inbox[inbox.IndexOf(RequestLink(number), StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("To be forwarded by", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        Assert.Equal(SafetyFlag.Reported, detail!.AdverseEvent);
        Assert.Equal("PV-CASE-7781", detail.ForwardedReference);
        Assert.True(detail.PharmacovigilanceDueUtc - detail.ReceivedUtc <= TimeSpan.FromDays(3)); // one business day, over a weekend at most
        Assert.Contains(detail.History, h => h.Kind == RequestEvents.Forwarded && h.UserName == Staff);
    }

    [Fact]
    public async Task Script_and_markup_in_every_field_stay_text_on_every_staff_page()
    {
        const string Attack = "<script>alert(1)</script><img src=x onerror=alert(2)>**bold** [x](javascript:alert(3))";
        var fields = Question(Attack + " question", name: Attack).Select(f => f.Key is "Form.Role" or "Form.Institution" or "Form.Country" or "Form.Region"
            ? new KeyValuePair<string, string>(f.Key, Attack[..Math.Min(Attack.Length, 90)])
            : f);
        var sent = await AskAsync(Reader("203.0.113.12"), fields);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var number = NumberPattern().Match(sent.Headers.Location!.OriginalString).Value;

        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, Staff);
        await StaffSession.PostFormAsync(staff, RequestPath(number), "note", [new("note", Attack)]);
        foreach (var path in new[] { "/staff/requests", RequestPath(number), $"/staff/packages/new?request={number}&letter=darzalex-poems-syndrome" })
        {
            var html = await staff.GetStringAsync(path);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", await staff.GetStringAsync(RequestPath(number)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_answers_and_oversize_fields_are_refused_with_what_to_fix_and_nothing_is_kept()
    {
        var before = await CountRequestsAsync();
        var client = Reader("203.0.113.13");

        var missing = await AskAsync(client, Question("Dosing?").Where(f => f.Key is not ("Form.InvolvesSafety" or "Form.Consent")));
        var noContact = await AskAsync(client, Question("Dosing?").Where(f => f.Key is not "Form.Email"));
        var oversize = await AskAsync(client, Question(new string('q', RequestLimits.Question + 1)));
        var noDetails = await AskAsync(client, Question("Dosing?", safety: "yes"));
        var badEmail = await AskAsync(client, Question("Dosing?").Select(f => f.Key == "Form.Email" ? new KeyValuePair<string, string>(f.Key, "Name <a@b.org>, c@d.org") : f));

        Assert.All(new[] { missing, noContact, oversize, noDetails, badEmail }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Answer whether your question involves a side effect", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Agree to be contacted", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Enter an email address or a phone number", await noContact.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Dosing?", missingHtml, StringComparison.Ordinal); // what was typed is kept in the form
        Assert.Contains("The question is limited to 4000 characters.", await oversize.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Describe what happened", await noDetails.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter one email address", await badEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task A_bot_that_fills_the_hidden_field_or_skips_the_token_is_refused_and_nothing_is_kept()
    {
        var before = await CountRequestsAsync();
        var client = Reader("203.0.113.14");

        var bot = await AskAsync(client, Question("Buy now", more: [new("Form.Website", "http://spam.example")]));
        var tokenless = await client.PostAsync("/ask", new FormUrlEncodedContent([new("_handler", "ask"), .. Question("Dosing?")]));

        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task A_flood_of_questions_from_one_client_gets_429_with_retry_after()
    {
        var client = Reader("203.0.113.15");
        var refused = await RateLimitProbe.FirstRefusedAsync(15, _ => AskAsync(client, Question("Stability after dilution?")));

        Assert.NotNull(refused);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.OK, (await Reader("203.0.113.16").GetAsync("/ask")).StatusCode); // another client still asks
    }

    [Fact]
    public async Task The_form_is_reachable_from_the_home_page_a_letter_and_a_search_without_results()
    {
        var client = portal.CreateHcpClient();

        Assert.Contains("href=\"/ask\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/ask?product=darzalex", await client.GetStringAsync("/letters/darzalex-poems-syndrome"), StringComparison.Ordinal);
        Assert.Contains("href=\"/ask\"", await client.GetStringAsync("/search?q=zzzqqqxxx"), StringComparison.Ordinal);
        var patient = await client.GetStringAsync("/ask?for=patient");
        Assert.Contains("Your relationship to the patient", patient, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", patient.Split("<main")[1].Split("</main>")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_request_with_an_unforwarded_safety_flag_is_refused_on_the_page()
    {
        var sent = await AskAsync(Reader("203.0.113.17"), Question("My patient was hospitalized after the infusion."));
        var number = NumberPattern().Match(sent.Headers.Location!.OriginalString).Value;
        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, Staff);

        var closed = await StaffSession.PostFormAsync(staff, RequestPath(number), "status", [new("status", "closed")]);

        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("before closing the request", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SafetyFlag.Screening, (await portal.Services.GetRequiredService<RequestDesk>().GetAsync(number, Staff))!.AdverseEvent);
    }

    [Fact]
    public async Task A_custom_reply_prints_markup_as_text_and_its_PDF_is_gone_once_the_retention_period_ends()
    {
        var sent = await AskAsync(Reader("203.0.113.18"), Question("Is DARZALEX stable after dilution?", name: "Dr. Retained Example"));
        var number = NumberPattern().Match(sent.Headers.Location!.OriginalString).Value;
        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, Staff);
        var packagePath = $"/staff/packages/new?request={number}";
        var made = await StaffSession.PostFormAsync(staff, packagePath, "package",
        [
            new("Form.RequestNumber", number), new("Form.DateReceived", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.Question", "Is DARZALEX stable after dilution?"), new("Form.HcpName", "Dr. Retained Example"), new("Form.Credentials", "MD"),
            new("Form.Contact", "imani@example.org"),
            new("Form.Reply", "Thank you. <script>alert(1)</script> See [the label](javascript:alert(2)) and **the study**.\n\n![x](http://tracker.example/x.png)"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var export = (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery(Text: number))).Single();
        Assert.Null(export.Request); // the requester's details stay with the request
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await staff.GetByteArrayAsync(StaffEndpointsPdf(export.Id))))
        {
            var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
            Assert.Contains("the label", text, StringComparison.Ordinal);
            Assert.DoesNotContain("javascript", text, StringComparison.Ordinal);
            Assert.Empty(document.GetPages().SelectMany(p => p.GetImages()));
        }

        await StaffSession.PostFormAsync(staff, RequestPath(number), "status", [new("status", "closed")]);
        using var retention = new RequestDesk(
            portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MedInfo.Store.MedInfoDb>>(), portal.Services.GetRequiredService<RequestLog>(),
            Microsoft.Extensions.Options.Options.Create(new RequestOptions { KeepPersonalDataDays = 0 }), TimeProvider.System);
        Assert.True(await retention.PurgeAsync() >= 1);

        Assert.Equal(HttpStatusCode.Gone, (await staff.GetAsync(StaffEndpointsPdf(export.Id))).StatusCode);
        Assert.Contains("The PDF was erased", await staff.GetStringAsync($"/staff/exports/{export.Id}"), StringComparison.Ordinal);
        var page = await staff.GetStringAsync(RequestPath(number));
        Assert.Contains("personal data was erased", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr. Retained Example", page, StringComparison.Ordinal);
        Assert.True((await portal.Services.GetRequiredService<RequestLog>().VerifyAsync()).Intact);
        Assert.True((await portal.Services.GetRequiredService<AuditTrail>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Staff_set_flags_priority_and_notes_on_the_page_and_an_off_label_request_needs_a_letter()
    {
        var sent = await AskAsync(Reader("203.0.113.19"), Question("Can DARZALEX be given in POEMS syndrome?"));
        var number = NumberPattern().Match(sent.Headers.Location!.OriginalString).Value;
        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, Staff);

        foreach (var (handler, field, value) in new[]
        {
            ("flag", "flag", "off-label-on"), ("flag", "flag", "pc-on"), ("priority", "priority", "Urgent"),
            ("note", "note", "Asked for the study list too."), ("assign", "assignee", "me"), ("assign", "assignee", "-"),
        })
        {
            var done = await StaffSession.PostFormAsync(staff, RequestPath(number), handler, [new(field, value)]);
            Assert.True(done.StatusCode == HttpStatusCode.Redirect, $"{handler}={value}: {(int)done.StatusCode}");
        }

        var badPriority = await StaffSession.PostFormAsync(staff, RequestPath(number), "priority", [new("priority", "Whenever")]);
        var customOnly = await StaffSession.PostFormAsync(staff, $"/staff/packages/new?request={number}", "package",
        [
            new("Form.RequestNumber", number), new("Form.DateReceived", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.Question", "Can DARZALEX be given in POEMS syndrome?"), new("Form.HcpName", "Dr. Imani Example"), new("Form.Credentials", "MD"),
            new("Form.Contact", "imani@example.org"), new("Form.Reply", "A reply of our own."),
        ]);
        var detail = await portal.Services.GetRequiredService<RequestDesk>().GetAsync(number, null);

        Assert.Equal(HttpStatusCode.BadRequest, badPriority.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, customOnly.StatusCode);
        Assert.Contains("marked off-label", await customOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(detail!.OffLabel);
        Assert.Equal(SafetyFlag.Staff, detail.ProductComplaint);
        Assert.Equal(RequestPriority.Urgent, detail.Priority);
        Assert.Null(detail.AssignedTo);
        Assert.Equal("Asked for the study list too.", Assert.Single(detail.Notes).Text);
        Assert.Equal(RequestStatus.InProgress, detail.Status);
        Assert.Empty(await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery(Text: number)));
    }

    [Fact]
    public async Task Without_email_set_up_staff_make_a_secure_link_shown_once_and_it_opens_the_response()
    {
        var number = await RequestForms.AskForNumberAsync(Reader("203.0.113.20"), Question("Is there any data on DARZALEX in POEMS syndrome?"));
        var staff = StaffSession.Client(portal);
        await StaffSession.SignInAsync(staff, Staff);
        await RequestForms.AnswerWithSeedAsync(staff, number);
        var package = (await portal.Services.GetRequiredService<AuditTrail>().ListAsync(new ExportQuery(Text: number, Kind: NewExport.PackageKind))).Single();

        var page = await staff.GetStringAsync(RequestPath(number));
        var made = await StaffSession.PostFormAsync(staff, RequestPath(number), $"link-{package.Id}", [new("export", package.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var html = await made.Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(html, @"http://localhost/responses/[A-Za-z0-9_\-]+").Value;
        var again = await staff.GetStringAsync(RequestPath(number));
        var opened = await Reader("203.0.113.21").GetAsync(new Uri(link).AbsolutePath);

        Assert.DoesNotContain("Send by email", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Contains("Copy it now", html, StringComparison.Ordinal);
        Assert.NotEmpty(link);
        Assert.DoesNotContain(new Uri(link).AbsolutePath, again, StringComparison.Ordinal); // shown once: the store keeps only its hash
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    private static string RequestPath(string number) => $"/staff/requests/{number}";

    private static string RequestLink(string number) => $"href=\"/staff/requests/{number}\"";

    private static string StaffEndpointsPdf(long id) => $"/staff/exports/{id}/pdf";

    [GeneratedRegex(@"MIR-\d{4}-\d{6}")]
    private static partial Regex NumberPattern();
}
