using MedInfo.Store.Insights;
using MedInfo.Store.Requests;

namespace MedInfo.Store.Tests;

/// <summary>The insights report's figures on both engines, from a small set of requests, searches and downloads whose answers are known.</summary>
public abstract class InsightsTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;
    private RequestDesk desk = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        store.Clock.Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // a Monday
        desk = store.NewRequestDesk();
    }

    public async Task DisposeAsync()
    {
        desk.Dispose();
        await store.DisposeAsync();
    }

    private Task<string> AskAsync(string product, string question, bool reportsEvent = false, RequestChannel channel = RequestChannel.Web) =>
        desk.SubmitAsync(new NewRequest(RequesterKind.Hcp, "Dr Insight Example", "MD", null, "Canada", null, "insight@example.org", null, ReplyChannel.Email,
            [product], null, question, reportsEvent, false, reportsEvent ? "Fever after the infusion." : null, true, channel));

    [Fact]
    public async Task Requests_are_counted_per_product_and_month_with_answer_times_service_level_and_safety_timeliness()
    {
        var fast = await AskAsync("ZYLOMAB", "Dosing?");
        var slow = await AskAsync("ZYLOMAB", "Storage?", channel: RequestChannel.Phone);
        var safety = await AskAsync("QUENTRIX", "A reaction?", reportsEvent: true);
        store.Clock.Now = store.Clock.Now.AddDays(1);
        await desk.SetStatusAsync(fast, "alice", RequestStatus.Answered);      // 1 day: within 5 business days
        await desk.RecordForwardedAsync(safety, "alice", "PV-1");               // 1 day: due Tuesday 09:00, on time
        store.Clock.Now = store.Clock.Now.AddDays(9);
        await desk.SetStatusAsync(slow, "alice", RequestStatus.Answered);      // 10 days: late
        store.Clock.Now = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        await AskAsync("ZYLOMAB", "Another month?");
        var searches = new SearchCounts(store.Factory, store.Clock);
        await searches.CountAsync("POEMS  Syndrome", 3);
        await searches.CountAsync("poems syndrome", 3);
        await searches.CountAsync("zorvex pregnancy", 0);

        var report = await new Insights.Insights(store.Factory, store.Catalog, store.Clock).BuildAsync();

        Assert.Equal(4, report.Requests.Received);
        Assert.Equal(new ProductMonth("ZYLOMAB", "2026-04", 1), report.RequestsPerProductMonth[^1]);
        Assert.Equal(2, report.Requests.Answered);
        Assert.Equal(TimeSpan.FromDays(1), report.Requests.MedianToAnswer);
        Assert.Equal(TimeSpan.FromDays(10), report.Requests.Percentile90ToAnswer);
        Assert.Equal(0.5, report.Requests.AnsweredWithinServiceLevel);
        Assert.Equal((1, 1, 1, 1.0), (report.Requests.AdverseEvents, report.Requests.SafetyFlagged, report.Requests.Forwarded, report.Requests.ForwardedOnTime!.Value));
        Assert.Equal(
            [new ProductMonth("QUENTRIX", "2026-03", 1), new ProductMonth("ZYLOMAB", "2026-03", 2)],
            report.RequestsPerProductMonth.Where(m => m.Month == "2026-03"));
        Assert.Contains(report.Channels, c => c is { Name: "Phone", Count: 1 });
        Assert.Equal(new NamedCount("poems syndrome", 2), report.TopSearches[0]);
        Assert.Equal(new NamedCount("zorvex pregnancy", 1), Assert.Single(report.SearchesWithoutResults));
    }

    [Fact]
    public async Task Letters_past_their_review_by_date_are_listed_and_reader_reads_and_downloads_are_summed()
    {
        // A synthetic letter whose review-by date (2026-01-31) passed before the clock's today (2026-03-02).
        store.Write("zylomab/dosing.md", SyntheticLetters.Letter("zylomab-dosing", "ZYLOMAB®").Replace("last-updated: 2025-05-08", "last-updated: 2025-05-08\nreview-by: 2026-01-31", StringComparison.Ordinal));
        await store.ImportAsync();
        var downloads = new Usage.ReaderDownloads(store.Factory, store.Clock);
        await downloads.CountAsync("zylomab-dosing", 1);
        await downloads.CountAsync("zylomab-dosing", 1);
        var views = new Usage.LetterViews(store.Factory);
        var today = DateOnly.FromDateTime(store.Clock.Now.UtcDateTime);
        await views.AddAsync([("zylomab-dosing", today, 5), ("zylomab-dosing", today.AddDays(-40), 100)]);
        await views.AddAsync([("zylomab-dosing", today, 2)]);

        var report = await new Insights.Insights(store.Factory, store.Catalog, store.Clock).BuildAsync();

        Assert.Equal("zylomab-dosing", Assert.Single(report.PastReview).LetterId);
        Assert.Equal(new NamedCount("zylomab-dosing", 2), Assert.Single(report.MostDownloaded));
        Assert.Equal(new NamedCount("zylomab-dosing", 7), Assert.Single(report.MostRead)); // the 40-day-old reads are outside the 30 days
    }

    public sealed class OnSqlite() : InsightsTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : InsightsTests(server);
}
