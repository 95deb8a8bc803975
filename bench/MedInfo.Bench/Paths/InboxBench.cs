using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MedInfo.Store;
using MedInfo.Store.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Bench.Paths;

/// <summary>
/// The staff inbox and request page with 100,000 synthetic requests in the store, over HTTP from the portal as a
/// signed-in staff member: the inbox's default view and its filters (flag, product, assignee, status, words, a deep
/// page), and request pages (which also log the view). The peer is the same reads as hand-written SQL through
/// Microsoft.Data.Sqlite on the same file: what the page costs above the bare queries.
/// </summary>
public static partial class InboxBench
{
    private const string Password = "a long bench password";
    private static readonly string[] Brands = ["ZYLOMAB", "QUENTRIX", "PRAVOLEX", "NEXFENIB", "KADORSOL", "VELTRAMIB", "ORZEPRIL", "TAMEXOLIN"];
    private static readonly string[] Words = ["dosing", "stability", "dilution", "renal", "hepatic", "pregnancy", "storage", "interaction", "pediatric", "elderly", "infusion", "titration"];

    public static async Task RunAsync(Workspace workspace, string repository, int requests, Report report)
    {
        var data = workspace.Path("store-inbox");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        Directory.CreateDirectory(data);
        var connectionString = StoreLocation.ConnectionString(data);
        var clock = Stopwatch.StartNew();
        await using (var services = Services(data))
        {
            await StoreSetup.MigrateAsync(services.GetRequiredService<IDbContextFactory<MedInfoDb>>());
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            await services.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(StaffIdentity.StaffRole));
            var user = new IdentityUser { UserName = "bench@example.org", Email = "bench@example.org", EmailConfirmed = true };
            await users.CreateAsync(user, Password);
            await users.AddToRoleAsync(user, StaffIdentity.StaffRole);
            await services.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(StaffIdentity.AdminRole));
            await users.AddToRoleAsync(user, StaffIdentity.AdminRole); // the insights page is for admins
        }

        Fill(connectionString, requests);
        var searchRows = FillSearches(connectionString, 1_000_000);
        Console.WriteLine($"  {requests:N0} requests written in {clock.Elapsed.TotalSeconds:0.0} s");

        await using var portal = await BenchPortal.StartAsync(repository, data, Path.Combine(repository, "content"), 5093);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(portal.Url) };
        await SignInAsync(http);

        string[] views =
        [
            "/staff/requests", "/staff/requests?flag=adverse-event", $"/staff/requests?product={Brands[3]}", "/staff/requests?assigned=me",
            "/staff/requests?status=closed", $"/staff/requests?q={Words[7]}", "/staff/requests?q=MIR-2026-004242", "/staff/requests?page=200",
        ];
        await using var raw = new SqliteConnection(connectionString);
        await raw.OpenAsync();
        var numbers = await SampleNumbersAsync(raw, requests, 20);
        var (inbox, inboxPeer) = await TimeAsync(views, 15, path => GetAsync(http, path), path => RawInboxAsync(raw, path));
        for (var v = 0; v < views.Length; v++)
        {
            // The samples interleave the views: view v is every views.Length-th sample.
            var own = inbox.Where((_, i) => i % views.Length == v).ToList();
            var bare = inboxPeer.Where((_, i) => i % views.Length == v).ToList();
            Console.WriteLine($"    {views[v]}: p50 {Report.Ms(SearchBench.Percentile(own, 50))} (bare SQL {Report.Ms(SearchBench.Percentile(bare, 50))})");
        }

        var (pages, pagesPeer) = await TimeAsync(numbers.Select(n => "/staff/requests/" + n).ToList(), 5, path => GetAsync(http, path), path => RawRequestAsync(raw, path));

        var (insights, insightsPeer) = await TimeAsync(["/staff/insights"], 10, path => GetAsync(http, path), _ => RawInsightsAsync(raw));

        report.Add(Row($"Staff inbox, {requests:N0} requests ({views.Length} views x 15)", inbox, inboxPeer));
        report.Add(Row($"Insights page, {requests:N0} requests, 1,000,000 searches ({searchRows:N0} day rows) x 10", insights, insightsPeer, goalMs: 200));
        report.Add(Row($"Request page, {requests:N0} requests ({numbers.Count} requests x 5)", pages, pagesPeer));
    }

    private static BenchRow Row(string path, List<double> ours, List<double> peer, int goalMs = 50)
    {
        var (p50, p95) = (SearchBench.Percentile(ours, 50), SearchBench.Percentile(ours, 95));
        var (peer50, peer95) = (SearchBench.Percentile(peer, 50), SearchBench.Percentile(peer, 95));
        return new BenchRow(path, $"HTTP p50 {Report.Ms(p50)}, p95 {Report.Ms(p95)}", $"bare SQL p50 {Report.Ms(peer50)}, p95 {Report.Ms(peer95)}",
            Report.Times(p95 / peer95) + " p95", $"p95 < {goalMs} ms", p95 < goalMs);
    }

    private static ServiceProvider Services(string data)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMedInfoStore(data);
        services.AddIdentityCore<IdentityUser>(StaffIdentity.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<MedInfoDb>();
        return services.BuildServiceProvider();
    }

    /// <summary>Synthetic requests straight into the tables, as years of intake would leave them: mostly answered or closed.</summary>
    private static void Fill(string connectionString, int count)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Requests (Id, Number, ReceivedUtc, Channel, Requester, Status, Priority, AssignedTo, AdverseEvent, ProductComplaint, OffLabel,
                PharmacovigilanceDueUtc, ForwardedUtc, DueUtc, Lane, QueueDueUtc, ConsentToContact, Country, PreferredReply, Delivery, AnsweredUtc, ReceivedMonth, MinutesToAnswer, AnsweredInTime,
                Name, Role, Email, Question, Salt, SearchText)
            VALUES ($id, $number, $received, 'Web', 'Hcp', $status, 'Normal', $assigned, $ae, $pc, $offLabel, $pvDue, $forwarded, $due, $lane, $queue, 1,
                'United States', 'Email', $delivery, $answered, $month, $minutes, $inTime, $name, 'MD', $email, $question, 'salt', $search)
            """;
        string[] names = ["$id", "$number", "$received", "$status", "$assigned", "$ae", "$pc", "$offLabel", "$pvDue", "$forwarded", "$due", "$lane", "$queue", "$delivery", "$answered", "$month", "$minutes", "$inTime", "$name", "$email", "$question", "$search"];
        var p = names.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter(n, null)));
        using var product = connection.CreateCommand();
        product.Transaction = transaction;
        product.CommandText = "INSERT INTO RequestProducts (RequestId, Brand, ReceivedMonth) VALUES ($id, $brand, $month)";
        var productId = product.Parameters.Add(new SqliteParameter("$id", null));
        var productMonth = product.Parameters.Add(new SqliteParameter("$month", null));
        var brand = product.Parameters.Add(new SqliteParameter("$brand", null));
        var random = new Random(14);
        var start = DateTime.UtcNow.AddMinutes(-900_000); // about 21 months up to now
        for (var i = 1; i <= count; i++)
        {
            var received = start.AddMinutes(i * (900_000.0 / count));
            var roll = random.Next(100);
            var status = roll < 8 ? "New" : roll < 15 ? "InProgress" : roll < 18 ? "WaitingForRequester" : roll < 60 ? "Answered" : "Closed";
            var open = status is "New" or "InProgress" or "WaitingForRequester";
            var ae = random.Next(100) < 5;
            var pc = random.Next(100) < 2;
            var forwarded = (ae || pc) && (!open || random.Next(3) > 0);
            var due = received.AddDays(7);
            var pvDue = ae || pc ? received.AddDays(1) : (DateTime?)null;
            var pending = (ae || pc) && !forwarded;
            var number = $"MIR-{received.Year}-{i:D6}";
            var question = $"Question about {Words[random.Next(Words.Length)]} and {Words[random.Next(Words.Length)]} of {Brands[i % Brands.Length]} in a patient, case {i}?";
            p["$id"].Value = i;
            p["$number"].Value = number;
            p["$received"].Value = Sql(received);
            p["$status"].Value = status;
            p["$assigned"].Value = open && random.Next(3) == 0 ? (object)$"staff{random.Next(8)}@example.org" : random.Next(20) == 0 ? "bench@example.org" : DBNull.Value;
            p["$ae"].Value = ae ? "Screening" : DBNull.Value;
            p["$pc"].Value = pc ? "Reported" : DBNull.Value;
            p["$offLabel"].Value = random.Next(10) == 0;
            p["$pvDue"].Value = pvDue is { } pv ? Sql(pv) : DBNull.Value;
            p["$forwarded"].Value = forwarded ? Sql(received.AddHours(5)) : DBNull.Value;
            p["$due"].Value = Sql(due);
            p["$lane"].Value = pending ? 0 : open ? 1 : 2;
            p["$delivery"].Value = open ? "NotSent" : "Sent";
            var answeredAfter = TimeSpan.FromHours(random.Next(2, 240));
            p["$answered"].Value = open ? DBNull.Value : Sql(received + answeredAfter);
            p["$month"].Value = (received.Year * 100) + received.Month;
            p["$minutes"].Value = open ? DBNull.Value : (int)answeredAfter.TotalMinutes;
            p["$inTime"].Value = open ? DBNull.Value : received + answeredAfter <= due;
            p["$queue"].Value = Sql(pending && pvDue < due ? pvDue!.Value : due);
            p["$name"].Value = $"Dr. Synthetic Requester {i}";
            p["$email"].Value = $"requester{i}@example.org";
            p["$question"].Value = question;
            p["$search"].Value = $"{number}\ndr. synthetic requester {i}\nmd\n\nrequester{i}@example.org\n\n{question}".ToLowerInvariant();
            insert.ExecuteNonQuery();
            productId.Value = i;
            brand.Value = Brands[i % Brands.Length];
            productMonth.Value = (received.Year * 100) + received.Month;
            product.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
    }

    private static async Task<List<string>> SampleNumbersAsync(SqliteConnection connection, int requests, int count)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Number FROM Requests WHERE Id % $step = 1 ORDER BY Id LIMIT $count";
        command.Parameters.AddWithValue("$step", Math.Max(1, requests / count));
        command.Parameters.AddWithValue("$count", count);
        var numbers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetString(0));
        }

        return numbers;
    }

    /// <summary>A million searches over the last 30 days as the portal counts them (per search and day), a Zipf-like mix with a tenth finding nothing.</summary>
    private static int FillSearches(string connectionString, int searches)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO SearchCounts (Day, Query, Found, Count) VALUES ($day, $query, $found, $count)";
        var day = insert.Parameters.Add(new SqliteParameter("$day", null));
        var query = insert.Parameters.Add(new SqliteParameter("$query", null));
        var found = insert.Parameters.Add(new SqliteParameter("$found", null));
        var count = insert.Parameters.Add(new SqliteParameter("$count", null));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rows = 0;
        var left = searches;
        for (var d = 0; d < 30 && left > 0; d++)
        {
            var perDay = searches / 30;
            for (var q = 1; q <= 4000 && perDay > 0; q++)
            {
                var times = Math.Max(1, perDay / (q + 10));
                day.Value = today.AddDays(-d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                query.Value = $"{Words[q % Words.Length]} {Brands[q % Brands.Length].ToLowerInvariant()} {q}";
                found.Value = q % 10 != 0;
                count.Value = times;
                insert.ExecuteNonQuery();
                perDay -= times;
                left -= times;
                rows++;
            }
        }

        transaction.Commit();
        return rows;
    }

    /// <summary>The insights page's reads by hand: the request figures and the search and letter counts.</summary>
    private static async Task<int> RawInsightsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Brand, ReceivedMonth, COUNT(*) FROM RequestProducts WHERE ReceivedMonth >= $month GROUP BY 1, 2;
            SELECT Channel, COUNT(*) FROM Requests WHERE ReceivedMonth >= $month GROUP BY Channel;
            SELECT MinutesToAnswer FROM Requests WHERE ReceivedMonth >= $month AND MinutesToAnswer IS NOT NULL;
            SELECT COUNT(*) FROM Requests WHERE ReceivedMonth >= $month AND AnsweredInTime = 1;
            SELECT COUNT(*), SUM(AdverseEvent IS NOT NULL), SUM(ForwardedUtc IS NOT NULL), SUM(ForwardedUtc IS NOT NULL AND ForwardedUtc <= PharmacovigilanceDueUtc)
                FROM Requests WHERE ReceivedMonth >= $month AND (AdverseEvent IS NOT NULL OR ProductComplaint IS NOT NULL);
            SELECT Query, SUM(Count) AS c FROM SearchCounts WHERE Day >= $day GROUP BY Query ORDER BY c DESC, Query LIMIT 20;
            SELECT Query, SUM(Count) AS c FROM SearchCounts WHERE Day >= $day AND NOT Found GROUP BY Query ORDER BY c DESC, Query LIMIT 20;
            """;
        var today = DateTime.UtcNow;
        var from = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        command.Parameters.AddWithValue("$month", (from.Year * 100) + from.Month);
        command.Parameters.AddWithValue("$day", DateOnly.FromDateTime(today).AddDays(-29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }
        while (await reader.NextResultAsync());
        return rows;
    }

    private static string Sql(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static async Task SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/staff/signin");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var response = await http.PostAsync("/staff/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = token, ["Input.Email"] = "bench@example.org", ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"bench sign-in answered {(int)response.StatusCode}");
        }
    }

    private static async Task<int> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
        }

        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>The inbox's reads by hand: the count and the page of 50, with the same filters and order.</summary>
    private static async Task<int> RawInboxAsync(SqliteConnection connection, string path)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + path).Query);
        var where = new List<string>();
        await using var command = connection.CreateCommand();
        where.Add(query["status"] is not null ? "Status = $status" : "Lane < 2");
        command.Parameters.AddWithValue("$status", query["status"] is { } s ? char.ToUpperInvariant(s[0]) + s[1..] : string.Empty);
        if (query["flag"] == "adverse-event")
        {
            where.Add("AdverseEvent IS NOT NULL");
        }

        if (query["product"] is { } product)
        {
            where.Add("EXISTS (SELECT 1 FROM RequestProducts p WHERE p.RequestId = r.Id AND p.Brand = $product)");
            command.Parameters.AddWithValue("$product", product);
        }

        if (query["assigned"] == "me")
        {
            where.Add("AssignedTo = 'bench@example.org'");
        }

        if (query["q"] is { } number && number.StartsWith("MIR-", StringComparison.Ordinal))
        {
            where.Clear();
            where.Add("Number = $number");
            command.Parameters.AddWithValue("$number", number);
        }
        else if (query["q"] is { } text)
        {
            where.Add("SearchText LIKE $q ESCAPE '\\'");
            command.Parameters.AddWithValue("$q", "%" + text.ToLowerInvariant() + "%");
        }

        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var n) ? n : 1;
        var order = query["status"] is "closed" ? "ReceivedUtc DESC, Id DESC" : "Lane, QueueDueUtc, Id";
        command.CommandText = $"""
            SELECT COUNT(*) FROM Requests r WHERE {string.Join(" AND ", where)};
            SELECT r.Number, r.Status, r.Priority, r.AdverseEvent, r.ProductComplaint, r.OffLabel, r.ReceivedUtc, r.QueueDueUtc, r.AssignedTo,
                (SELECT group_concat(Brand) FROM RequestProducts p WHERE p.RequestId = r.Id)
            FROM Requests r WHERE {string.Join(" AND ", where)} ORDER BY {order} LIMIT 50 OFFSET {(page - 1) * 50};
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        do
        {
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }
        while (await reader.NextResultAsync());
        return rows;
    }

    /// <summary>The request page's reads by hand: the request, its products, notes and history, and the logged view.</summary>
    private static async Task<int> RawRequestAsync(SqliteConnection connection, string path)
    {
        var number = path[(path.LastIndexOf('/') + 1)..];
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT * FROM Requests WHERE Number = $n;
            SELECT Brand FROM RequestProducts WHERE RequestId = (SELECT Id FROM Requests WHERE Number = $n);
            SELECT * FROM RequestNotes WHERE RequestId = (SELECT Id FROM Requests WHERE Number = $n);
            SELECT * FROM RequestEvents WHERE RequestNumber = $n ORDER BY Id;
            """;
        command.Parameters.AddWithValue("$n", number);
        var rows = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            do
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }
            while (await reader.NextResultAsync());
        }

        return rows;
    }

    private static async Task<(List<double> Ours, List<double> Peer)> TimeAsync(IReadOnlyList<string> paths, int rounds, Func<string, Task<int>> ours, Func<string, Task<int>> peer)
    {
        var oursMs = new List<double>();
        var peerMs = new List<double>();
        for (var round = 0; round < rounds + 2; round++)
        {
            foreach (var path in paths)
            {
                var clock = Stopwatch.StartNew();
                await ours(path);
                var ourTime = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await peer(path);
                if (round >= 2)
                {
                    oursMs.Add(ourTime);
                    peerMs.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        return (oursMs, peerMs);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
