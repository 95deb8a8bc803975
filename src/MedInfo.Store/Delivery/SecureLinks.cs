using System.Globalization;
using System.Security.Cryptography;
using MedInfo.Store.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedInfo.Store.Delivery;

/// <summary>
/// Secure links to response packages: made by staff for one recorded PDF of one request, opened by the requester
/// without an account. Making, revoking and each download are steps on the request's log.
/// </summary>
public sealed class SecureLinks(IDbContextFactory<MedInfoDb> factory, RequestDesk desk, IOptions<DeliveryOptions> options, TimeProvider time)
{
    /// <summary>A new link to export record <paramref name="exportRecordId"/>, which must be a package sent for request <paramref name="number"/>.</summary>
    public async Task<NewSecureLink> CreateAsync(string number, long exportRecordId, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var sent = await db.ExportRecords.AsNoTracking().Where(e => e.Id == exportRecordId).Select(e => new { e.RequestNumber, e.Kind, e.PdfSha256 })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (sent is null || sent.RequestNumber != number || sent.Kind != Audit.NewExport.PackageKind)
        {
            throw new RequestActionException($"Export record {exportRecordId} is not a response package for request {number}.");
        }

        if (await db.ErasedExportFiles.AnyAsync(f => f.Sha256 == sent.PdfSha256, cancellationToken).ConfigureAwait(false))
        {
            throw new RequestActionException($"The PDF of export record {exportRecordId} was erased under the retention rule; there is nothing to link to.");
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = StoredTime.Now(time);
        var link = new SecureLink
        {
            TokenHash = HashOf(token),
            RequestNumber = number,
            ExportRecordId = exportRecordId,
            CreatedUtc = now,
            CreatedBy = user,
            ExpiresUtc = now.AddDays(options.Value.LinkDays),
        };
        db.SecureLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await desk.RecordDeliveryStepAsync(number, user, RequestEvents.LinkCreated,
            $"secure link {Id(link.Id)} to export record {Id(exportRecordId)}, expires {RequestEvents.At(link.ExpiresUtc)}", null, cancellationToken).ConfigureAwait(false);
        return new NewSecureLink(token, View(link));
    }

    /// <summary>A request's links, newest first.</summary>
    public async Task<IReadOnlyList<SecureLinkView>> ListAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var links = await db.SecureLinks.AsNoTracking().Where(l => l.RequestNumber == number).OrderByDescending(l => l.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return links.Select(View).ToList();
    }

    /// <summary>Stops a link from working; the requester who opens it is told it was withdrawn.</summary>
    public async Task RevokeAsync(string number, long linkId, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = StoredTime.Now(time);
        var revoked = await db.SecureLinks.Where(l => l.Id == linkId && l.RequestNumber == number && l.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedUtc, now).SetProperty(l => l.RevokedBy, user), cancellationToken).ConfigureAwait(false);
        if (revoked == 0)
        {
            throw new RequestActionException($"Request {number} has no working link {Id(linkId)}.");
        }

        await desk.RecordDeliveryStepAsync(number, user, RequestEvents.LinkRevoked, $"secure link {Id(linkId)} revoked", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a token opens. Only a usable link is counted, by <see cref="CountDownloadAsync"/> when its PDF is served.</summary>
    public async Task<LinkOpening> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return new LinkOpening.Unknown();
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var hash = HashOf(token);
        var link = await db.SecureLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        if (link is null)
        {
            return new LinkOpening.Unknown();
        }

        var sha = await db.ExportRecords.AsNoTracking().Where(e => e.Id == link.ExportRecordId).Select(e => e.PdfSha256).FirstAsync(cancellationToken).ConfigureAwait(false);
        return link.RevokedUtc is { } revoked ? new LinkOpening.Revoked(link.RequestNumber, StoredTime.Utc(revoked))
            : StoredTime.Now(time) >= link.ExpiresUtc ? new LinkOpening.Expired(link.RequestNumber, StoredTime.Utc(link.ExpiresUtc))
            : await db.ErasedExportFiles.AnyAsync(f => f.Sha256 == sha, cancellationToken).ConfigureAwait(false) ? new LinkOpening.Erased(link.RequestNumber)
            : new LinkOpening.Open(link.RequestNumber, link.ExportRecordId, StoredTime.Utc(link.ExpiresUtc));
    }

    /// <summary>One download through the link with this token: counted on the link and a step on the request (no client address is kept).</summary>
    public async Task CountDownloadAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var hash = HashOf(token);
        var now = StoredTime.Now(time);
        await db.SecureLinks.Where(l => l.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Downloads, l => l.Downloads + 1).SetProperty(l => l.LastDownloadUtc, now), cancellationToken).ConfigureAwait(false);
        var link = await db.SecureLinks.AsNoTracking().FirstAsync(l => l.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        await desk.RecordDeliveryStepAsync(link.RequestNumber, null, RequestEvents.LinkOpened,
            $"secure link {Id(link.Id)} opened: download {Id(link.Downloads)} of export record {Id(link.ExportRecordId)}", null, cancellationToken).ConfigureAwait(false);
    }

    private static string HashOf(string token) => Audit.HashChain.Hash("secure-link\n" + token);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static SecureLinkView View(SecureLink l) => new(
        l.Id, l.ExportRecordId, StoredTime.Utc(l.CreatedUtc), l.CreatedBy, StoredTime.Utc(l.ExpiresUtc), StoredTime.Utc(l.RevokedUtc), l.Downloads,
        StoredTime.Utc(l.LastDownloadUtc));
}
