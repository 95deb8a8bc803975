using MedInfo.Store.Audit;
using MedInfo.Store.Delivery;
using MedInfo.Store.Requests;

namespace MedInfo.Store.Tests;

/// <summary>Secure links on both engines: one recorded PDF, for its own request, expiring, revocable, counted, never stored as the token.</summary>
public abstract class SecureLinkTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;
    private RequestDesk desk = null!;
    private AuditTrail audit = null!;
    private SecureLinks links = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        desk = store.NewRequestDesk();
        audit = store.NewAuditTrail();
        links = store.NewSecureLinks(desk);
    }

    public async Task DisposeAsync()
    {
        desk.Dispose();
        audit.Dispose();
        await store.DisposeAsync();
    }

    private async Task<(string Number, ExportRecordView Package)> AnsweredAsync(byte[] pdf)
    {
        var number = await desk.SubmitAsync(new NewRequest(RequesterKind.Hcp, "Dr Link Example", "MD", null, "Canada", null, "link@example.org", null,
            ReplyChannel.Email, ["ZYLOMAB"], null, "Dosing?", false, false, null, true));
        var request = new MedInfo.Letters.HcpRequest(number, "Dr Link Example", "MD", string.Empty, "link@example.org", "Dosing?", new DateOnly(2026, 1, 5));
        var package = await audit.RecordAsync(new NewExport(NewExport.PackageKind, "alice", "web", [], request, KeepRequest: false), pdf);
        return (number, package);
    }

    [Fact]
    public async Task A_link_opens_its_PDF_until_it_expires_and_the_store_keeps_only_its_hash()
    {
        var (number, package) = await AnsweredAsync([1, 2, 3]);
        var made = await links.CreateAsync(number, package.Id, "alice");

        var open = Assert.IsType<LinkOpening.Open>(await links.OpenAsync(made.Token));
        await links.CountDownloadAsync(made.Token);
        await links.CountDownloadAsync(made.Token);
        store.Clock.Now = store.Clock.Now.AddDays(30);
        var expired = await links.OpenAsync(made.Token);

        Assert.Equal(package.Id, open.ExportRecordId);
        Assert.Equal(43, made.Token.Length); // 256 bits, base64url
        Assert.Equal(0, await store.CountRowsWhereAsync("SecureLinks", "TokenHash", made.Token));
        Assert.Equal(2, Assert.Single(await links.ListAsync(number)).Downloads);
        Assert.IsType<LinkOpening.Expired>(expired);
        Assert.IsType<LinkOpening.Unknown>(await links.OpenAsync(made.Token[..^1] + (made.Token[^1] == 'A' ? 'B' : 'A')));
        var history = (await desk.GetAsync(number, null))!.History;
        Assert.Equal(2, history.Count(h => h.Kind == RequestEvents.LinkOpened && h.UserName is null));
        Assert.Contains(history, h => h.Kind == RequestEvents.LinkCreated && h.UserName == "alice");
        Assert.True((await store.NewRequestLog().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_revoked_link_stays_shut_and_a_link_only_ever_points_at_its_own_request()
    {
        var (number, package) = await AnsweredAsync([4, 5, 6]);
        var (other, _) = await AnsweredAsync([7, 8, 9]);
        var made = await links.CreateAsync(number, package.Id, "alice");

        await links.RevokeAsync(number, made.Link.Id, "bob");

        Assert.IsType<LinkOpening.Revoked>(await links.OpenAsync(made.Token));
        await Assert.ThrowsAsync<RequestActionException>(() => links.RevokeAsync(number, made.Link.Id, "bob"));
        await Assert.ThrowsAsync<RequestActionException>(() => links.CreateAsync(other, package.Id, "alice"));
        Assert.Contains((await desk.GetAsync(number, null))!.History, h => h.Kind == RequestEvents.LinkRevoked && h.UserName == "bob");
    }

    public sealed class OnSqlite() : SecureLinkTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : SecureLinkTests(server);
}
