using MedInfo.Store.Requests;

namespace MedInfo.Store.Tests;

/// <summary>The request desk's rules on both engines: numbers, triage, deadlines, the log, erasure.</summary>
public abstract class RequestDeskTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;
    private RequestDesk desk = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        store.Clock.Now = new DateTimeOffset(2026, 1, 9, 15, 0, 0, TimeSpan.Zero); // a Friday afternoon
        desk = store.NewRequestDesk();
    }

    public async Task DisposeAsync()
    {
        desk.Dispose();
        await store.DisposeAsync();
    }

    private static NewRequest Question(string question, bool reportsEvent = false, string product = "ZYLOMAB", string name = "Dr Ada Quill") => new(
        RequesterKind.Hcp, name, "MD, hematologist", "St Elsewhere Hospital", "United States", "Ohio", "ada@example.org", null,
        ReplyChannel.Email, [product], null, question, reportsEvent, false, reportsEvent ? "Grade 2 event after the third dose." : null, true);

    [Fact]
    public async Task A_request_gets_a_number_of_its_year_and_is_first_step_on_the_log()
    {
        var number = await desk.SubmitAsync(Question("Is there data on ZYLOMAB in renal impairment?"));
        var detail = await desk.GetAsync(number, "alice");

        Assert.Matches(@"^MIR-2026-\d{6}$", number);
        Assert.Equal(RequestStatus.New, detail!.Status);
        Assert.Equal("Dr Ada Quill", detail.Person!.Name);
        Assert.Null(detail.AdverseEvent);
        Assert.Equal(new DateTime(2026, 1, 16, 15, 0, 0, DateTimeKind.Utc), detail.DueUtc); // five business days
        Assert.Equal([RequestEvents.Received, RequestEvents.Viewed], detail.History.Select(h => h.Kind));
        Assert.Equal("alice", detail.History[1].UserName);
        Assert.DoesNotContain("Ada", string.Join("\n", detail.History.Select(h => h.Details)), StringComparison.Ordinal);
        Assert.True((await store.NewRequestLog().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task An_adverse_event_is_flagged_due_in_one_business_day_and_comes_first()
    {
        var earlier = await desk.SubmitAsync(Question("Dosing in renal impairment?"));
        store.Clock.Now = store.Clock.Now.AddMinutes(5);
        var reported = await desk.SubmitAsync(Question("My patient had an event.", reportsEvent: true));
        var screened = await desk.SubmitAsync(Question("A patient developed a RASH after the second infusion"));
        var crash = await desk.SubmitAsync(Question("Does the system crash affect supply?"));

        var detail = await desk.GetAsync(reported, "alice");
        var inbox = await desk.ListAsync(new InboxQuery());

        Assert.Equal(SafetyFlag.Reported, detail!.AdverseEvent);
        Assert.Equal(new DateTime(2026, 1, 12, 15, 5, 0, DateTimeKind.Utc), detail.PharmacovigilanceDueUtc); // Friday → Monday
        Assert.Equal(SafetyFlag.Screening, (await desk.GetAsync(screened, "alice"))!.AdverseEvent);
        Assert.Null((await desk.GetAsync(crash, "alice"))!.AdverseEvent);
        Assert.Equal([reported, screened, earlier, crash], inbox.Rows.Select(r => r.Number));
        Assert.Equal(2, (await desk.ListAsync(new InboxQuery(Flag: InboxQuery.AdverseEventFlag))).Total);
    }

    [Fact]
    public async Task A_weekend_request_starts_its_clock_on_the_next_business_day()
    {
        store.Clock.Now = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero); // Saturday noon
        using var withHoliday = store.NewRequestDesk(options: new RequestOptions { Holidays = [new DateOnly(2026, 1, 12)] });
        var number = await withHoliday.SubmitAsync(Question("What happened?", reportsEvent: true));

        // Monday is a holiday: the clock starts Tuesday 00:00 and one business day later is Wednesday 00:00.
        Assert.Equal(new DateTime(2026, 1, 14, 0, 0, 0, DateTimeKind.Utc), (await withHoliday.GetAsync(number, "alice"))!.PharmacovigilanceDueUtc);
    }

    [Fact]
    public async Task A_safety_flag_must_reach_pharmacovigilance_before_the_request_closes()
    {
        var number = await desk.SubmitAsync(Question("Patient hospitalized after dose 2.", reportsEvent: true));

        var refused = await Assert.ThrowsAsync<RequestActionException>(() => desk.SetStatusAsync(number, "alice", RequestStatus.Closed));
        await desk.RecordForwardedAsync(number, "alice", "PV-2026-0042");
        await desk.SetStatusAsync(number, "alice", RequestStatus.Closed);
        var detail = await desk.GetAsync(number, "alice");

        Assert.Contains("pharmacovigilance", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Closed, detail!.Status);
        Assert.Equal("PV-2026-0042", detail.ForwardedReference);
        Assert.Contains(detail.History, h => h.Kind == RequestEvents.Forwarded && h.Details.Contains("on time", StringComparison.Ordinal) && h.UserName == "alice");
        Assert.DoesNotContain((await desk.ListAsync(new InboxQuery())).Rows, r => r.Number == number);
    }

    [Fact]
    public async Task An_answered_request_stays_first_in_the_inbox_until_its_safety_flag_is_forwarded_and_a_number_finds_any_request()
    {
        var flagged = await desk.SubmitAsync(Question("A patient died; is this a known reaction?"));
        var closed = await desk.SubmitAsync(Question("Storage?"));
        await desk.SetStatusAsync(flagged, "alice", RequestStatus.Answered);
        await desk.SetStatusAsync(closed, "alice", RequestStatus.Closed);

        Assert.Equal(flagged, Assert.Single((await desk.ListAsync(new InboxQuery())).Rows).Number);
        await desk.RecordForwardedAsync(flagged, "alice", "PV-9");
        Assert.Empty((await desk.ListAsync(new InboxQuery())).Rows);
        Assert.Equal(closed, Assert.Single((await desk.ListAsync(new InboxQuery(Text: " " + closed.ToLowerInvariant() + " "))).Rows).Number);
    }

    [Fact]
    public async Task Taking_noting_and_answering_are_each_a_step_and_the_log_verifies()
    {
        var number = await desk.SubmitAsync(Question("ZYLOMAB in POEMS syndrome?"));
        await desk.AssignAsync(number, "alice", "alice");
        await desk.SetPriorityAsync(number, "alice", RequestPriority.Urgent);
        await desk.SetOffLabelAsync(number, "alice", true);
        await desk.AddNoteAsync(number, "alice", "Called back <b>Tuesday</b>.");
        await desk.RecordPackageAsync(number, "alice", 7, ["zylomab-poems@v1"]);

        var detail = await desk.GetAsync(number, "bob");

        Assert.Equal(RequestStatus.Answered, detail!.Status);
        Assert.Equal("alice", detail.AssignedTo);
        Assert.True(detail.OffLabel);
        Assert.Equal(new DateTime(2026, 1, 12, 15, 0, 0, DateTimeKind.Utc), detail.DueUtc); // urgent: one business day
        Assert.Equal("Called back <b>Tuesday</b>.", Assert.Single(detail.Notes).Text);
        Assert.Equal(
            [RequestEvents.Received, RequestEvents.Assigned, RequestEvents.PriorityChanged, RequestEvents.Flagged, RequestEvents.NoteAdded, RequestEvents.Package, RequestEvents.Viewed],
            detail.History.Select(h => h.Kind));
        Assert.Contains("status: In progress → Answered", detail.History[5].Details, StringComparison.Ordinal);
        var verification = await store.NewRequestLog().VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
        Assert.Equal(7, verification.Records);
    }

    [Fact]
    public async Task Personal_data_is_erased_after_the_retention_period_and_the_log_still_verifies()
    {
        var number = await desk.SubmitAsync(Question("Data in pregnancy?", name: "Dr Erasable Person"));
        var kept = await desk.SubmitAsync(Question("Dosing?", name: "Dr Kept Person"));
        await desk.AddNoteAsync(number, "alice", "Spoke to Dr Erasable Person on the phone.");
        await desk.RecordForwardedAsync(number, "alice", "PV-1"); // "pregnancy" flagged it
        await desk.SetStatusAsync(number, "alice", RequestStatus.Closed);
        await desk.SetStatusAsync(kept, "alice", RequestStatus.Closed);

        store.Clock.Now = store.Clock.Now.AddDays(729);
        Assert.Equal(0, await desk.PurgeAsync());
        store.Clock.Now = store.Clock.Now.AddDays(2);
        await desk.AddNoteAsync(kept, "alice", "Reopened: a follow-up question.");
        await desk.SetStatusAsync(kept, "alice", RequestStatus.InProgress);
        var erased = await desk.PurgeAsync();

        var detail = await desk.GetAsync(number, "alice");
        Assert.Equal(1, erased);
        Assert.Null(detail!.Person);
        Assert.Null(Assert.Single(detail.Notes).Text);
        Assert.Equal(RequestEvents.Erased, detail.History[^1].Kind); // and no "viewed": nothing personal was shown
        Assert.Equal("Dr Kept Person", (await desk.GetAsync(kept, "alice"))!.Person!.Name);
        Assert.Equal(0, (await desk.ListAsync(new InboxQuery(All: true, Text: "erasable"))).Total);
        Assert.Equal(1, (await desk.ListAsync(new InboxQuery(All: true, Text: number))).Total);
        var verification = await store.NewRequestLog().VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
    }

    [Fact]
    public async Task The_package_sent_to_an_erased_requester_loses_its_bytes_but_not_its_record()
    {
        var number = await desk.SubmitAsync(Question("Dosing?"));
        var other = await desk.SubmitAsync(Question("Storage?"));
        using var audit = store.NewAuditTrail();
        var request = new MedInfo.Letters.HcpRequest(number, "Dr Ada Quill", "MD", "St Elsewhere", "ada@example.org", "Dosing?", new DateOnly(2026, 1, 9));
        var sent = await audit.RecordAsync(new Audit.NewExport(Audit.NewExport.PackageKind, "alice", "web", [], request, KeepRequest: false), [1, 2, 3]);
        var kept = await audit.RecordAsync(new Audit.NewExport(Audit.NewExport.PackageKind, "alice", "web", [], request with { RequestNumber = other }, KeepRequest: false), [4, 5, 6]);
        await desk.RecordPackageAsync(number, "alice", sent.Id, []);
        await desk.SetStatusAsync(number, "alice", RequestStatus.Closed);

        store.Clock.Now = store.Clock.Now.AddDays(731);
        Assert.Equal(1, await desk.PurgeAsync());

        Assert.Null(sent.Request); // the export record never held the requester's details
        var gone = await Assert.ThrowsAsync<Audit.ExportFileErasedException>(() => audit.GetPdfAsync(sent.Id));
        Assert.Contains(number, gone.Message, StringComparison.Ordinal);
        Assert.NotNull(await audit.GetPdfAsync(kept.Id));
        Assert.True((await audit.VerifyAsync()).Intact);
        var refused = await Record.ExceptionAsync(() => store.ExecuteAsync($"DELETE FROM \"ExportFiles\" WHERE \"Sha256\" = '{kept.PdfSha256}'"));
        Assert.Contains("append-only", refused?.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_data_changed_outside_the_app_and_a_changed_step_are_both_reported()
    {
        var number = await desk.SubmitAsync(Question("Dosing?"));
        await desk.AddNoteAsync(number, "alice", "First note.");
        await store.ExecuteAsync("UPDATE \"Requests\" SET \"Email\" = 'attacker@example.org'");
        await store.ExecuteAsync("UPDATE \"RequestNotes\" SET \"Text\" = 'Rewritten.'");

        var refused = await Record.ExceptionAsync(() => store.ExecuteAsync("UPDATE \"RequestEvents\" SET \"Details\" = 'nothing happened'"));
        var verification = await store.NewRequestLog().VerifyAsync();

        Assert.NotNull(refused);
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.Contains(verification.Problems, p => p.Contains("requester's details no longer match", StringComparison.Ordinal));
        Assert.Contains(verification.Problems, p => p.Contains("note", StringComparison.Ordinal) && p.Contains("no longer matches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_portals_taking_requests_at_once_give_distinct_numbers_on_one_chain()
    {
        using var other = store.NewRequestDesk("other-portal");
        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? desk : other).SubmitAsync(Question($"Question {i}?"))));

        Assert.Equal(20, numbers.Distinct(StringComparer.Ordinal).Count());
        var verification = await store.NewRequestLog().VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
        Assert.Equal(20, verification.Records);
    }

    [Fact]
    public async Task The_inbox_filters_by_product_assignee_and_text_and_pages()
    {
        for (var i = 0; i < 7; i++)
        {
            await desk.SubmitAsync(Question($"Stability question {i}?", product: i % 2 == 0 ? "ZYLOMAB" : "QUENTRIX"));
        }

        var taken = (await desk.ListAsync(new InboxQuery(Product: "QUENTRIX"))).Rows[0].Number;
        await desk.AssignAsync(taken, "bob", "bob");

        Assert.Equal(4, (await desk.ListAsync(new InboxQuery(Product: "ZYLOMAB"))).Total);
        Assert.Equal(taken, Assert.Single((await desk.ListAsync(new InboxQuery(AssignedTo: "bob"))).Rows).Number);
        Assert.Equal(6, (await desk.ListAsync(new InboxQuery(AssignedTo: InboxQuery.Unassigned))).Total);
        Assert.Equal(1, (await desk.ListAsync(new InboxQuery(Text: "QUESTION 3"))).Total);
        Assert.Equal(0, (await desk.ListAsync(new InboxQuery(Text: "question_%"))).Total);
        var second = await desk.ListAsync(new InboxQuery(Page: 2, PageSize: 3));
        Assert.Equal((7, 3, 3), (second.Total, second.Rows.Count, second.Pages));
    }

    [Fact]
    public async Task A_request_log_whose_store_was_replaced_is_reported()
    {
        var number = await desk.SubmitAsync(Question("Dosing?"));
        await desk.GetAsync(number, "alice");

        await using var replaced = await TestStore.CreateAsync(database);
        var log = new RequestLog(replaced.Factory, new Audit.AuditCheckpoint(
            Path.Combine(store.Directory, "portal", RequestLog.CheckpointFileName), store.Protection, RequestLog.Subject));

        Assert.Contains("request event 2", Assert.Single((await log.VerifyAsync()).Problems), StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreProblemException>(() => log.CheckAgainstCheckpointAsync());
    }

    public sealed class OnSqlite() : RequestDeskTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : RequestDeskTests(server);
}
