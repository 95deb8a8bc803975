using System.Net;
using System.Security.Cryptography;
using MedInfo.Store.Audit;
using MedInfo.Store.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// The portal on PostgreSQL, end to end over HTTP: its first start migrates an empty database and imports
/// content/, and readers, search, PDF export, staff packages and the audit trail work as on SQLite.
/// </summary>
public sealed class PostgreSqlPortalTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>, IAsyncLifetime
{
    private PostgreSqlPortalFactory portal = null!;

    public async Task InitializeAsync()
    {
        var store = await server.CreateAsync(string.Empty);
        portal = new PostgreSqlPortalFactory(store.ConnectionString);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_first_start_on_an_empty_database_imports_content_and_serves_letters_and_search()
    {
        var client = portal.CreateHcpClient();

        var health = await client.GetStringAsync("/healthz");
        Assert.Contains("1 letters in the store (PostgreSQL database", health, StringComparison.Ordinal);

        var letter = await client.GetStringAsync("/letters/darzalex-poems-syndrome");
        Assert.Contains("Baseline Patient Characteristics", letter, StringComparison.Ordinal);
        Assert.Contains("Mutlu Y, Aydin BB", letter, StringComparison.Ordinal);

        var search = await client.GetStringAsync("/search?q=daratumumab%20POEMS");
        Assert.Contains("href=\"/letters/darzalex-poems-syndrome\"", search, StringComparison.Ordinal);
        // SQL in the search box is only words: no letter has the phrase "drop table" (it was in quotes), and the table is still there.
        var words = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=%22%27%3B%20DROP%20TABLE%20%22Letters%22%3B%20--%20%26%20%21"));
        Assert.Contains("No letters match", words, StringComparison.Ordinal);
        Assert.Contains("Baseline Patient Characteristics", await client.GetStringAsync("/letters/darzalex-poems-syndrome"), StringComparison.Ordinal);

        Assert.Contains("/letters/darzalex-poems-syndrome/versions/1\">Version 1</a>", await client.GetStringAsync("/letters/darzalex-poems-syndrome/history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_PDF_is_counted_and_staff_exports_are_recorded_in_an_intact_chain()
    {
        var readerPdf = await portal.CreateHcpClient().GetAsync("/letters/darzalex-poems-syndrome/pdf");
        Assert.Equal("application/pdf", readerPdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, Assert.Single(await portal.Services.GetRequiredService<MedInfo.Store.Usage.ReaderDownloads>().ListAsync("darzalex-poems-syndrome")).Count);

        await StaffSession.CreateUserAsync(portal, "staff@example.org");
        var staff = StaffSession.Client(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(staff, "staff@example.org")).StatusCode);
        var letterPdf = await staff.GetAsync("/letters/darzalex-poems-syndrome/pdf");
        Assert.Equal("application/pdf", letterPdf.Content.Headers.ContentType!.MediaType);
        var created = await StaffSession.PostFormAsync(staff, "/staff/packages/new", "package", StaffSession.PackageRequest("MI-2026-0200"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var audit = portal.Services.GetRequiredService<AuditTrail>();
        var records = await audit.ListAsync(new ExportQuery());
        Assert.Equal(["package", "letter"], records.Select(r => r.Kind));
        Assert.Equal("MI-2026-0200", Assert.Single(await audit.ListAsync(new ExportQuery(Text: "mi-2026"))).RequestNumber);
        var kept = await staff.GetByteArrayAsync($"/staff/exports/{records[0].Id}/pdf");
        Assert.Equal(records[0].PdfSha256, Convert.ToHexStringLower(SHA256.HashData(kept)));
        var verification = await audit.VerifyAsync();
        Assert.True(verification.Intact, string.Join('\n', verification.Problems));
        Assert.Equal(2, verification.Records);
    }
}

/// <summary>
/// Every pooled connection taken (many portals on one PostgreSQL server, or a burst): a request that cannot get one
/// in time is answered 503 with Retry-After, never a 500 or a truncated 200.
/// </summary>
public sealed class PostgreSqlPoolTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task A_request_that_finds_the_pool_exhausted_is_a_503_to_retry()
    {
        var root = Directory.CreateTempSubdirectory("medinfo-pool-").FullName;
        var store = await server.CreateAsync(root);
        var tight = new Npgsql.NpgsqlConnectionStringBuilder(store.ConnectionString) { MaxPoolSize = 1, Timeout = 1 }.ConnectionString;
        using var portal = new PostgreSqlPortalFactory(tight);
        var client = portal.CreateHcpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/letters/darzalex-poems-syndrome/history")).StatusCode);

        // The portal's only pooled connection, held.
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<MedInfo.Store.MedInfoDb>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var response = await client.GetAsync("/letters/darzalex-poems-syndrome/versions/1"); // a search no longer needs the database

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void A_connection_string_without_a_pool_size_gets_a_bounded_one()
    {
        var store = MedInfo.Store.StoreConnection.PostgreSql("Host=db.example.org;Database=medinfo;Username=medinfo");
        var given = MedInfo.Store.StoreConnection.PostgreSql("Host=db.example.org;Database=medinfo;Username=medinfo;Maximum Pool Size=7");

        Assert.Equal(MedInfo.Store.StoreConnection.DefaultMaxPoolSize, new Npgsql.NpgsqlConnectionStringBuilder(store.ConnectionString).MaxPoolSize);
        Assert.Equal(7, new Npgsql.NpgsqlConnectionStringBuilder(given.ConnectionString).MaxPoolSize);
    }
}
