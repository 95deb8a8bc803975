using MedInfo.Store.Audit;
using MedInfo.Store.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store;

/// <summary>
/// The store. Use one context per operation (IDbContextFactory); reads use AsNoTracking. Staff accounts are
/// ASP.NET Core Identity's tables in the same file.
/// </summary>
public sealed class MedInfoDb(DbContextOptions<MedInfoDb> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring every portal on this store shares (see <see cref="KeyRing.StoreKeyRing"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredLetter> Letters => Set<StoredLetter>();

    public DbSet<StoredLetterVersion> LetterVersions => Set<StoredLetterVersion>();

    public DbSet<StoredRendering> LetterRenderings => Set<StoredRendering>();

    public DbSet<StoredProduct> Products => Set<StoredProduct>();

    public DbSet<StoredReference> References => Set<StoredReference>();

    public DbSet<StoredFigureImage> FigureImages => Set<StoredFigureImage>();

    public DbSet<StoredSynonym> SearchSynonyms => Set<StoredSynonym>();

    public DbSet<ExportRecord> ExportRecords => Set<ExportRecord>();

    public DbSet<ExportFile> ExportFiles => Set<ExportFile>();

    public DbSet<ErasedExportFile> ErasedExportFiles => Set<ErasedExportFile>();

    public DbSet<Usage.ReaderDownloadCount> ReaderDownloads => Set<Usage.ReaderDownloadCount>();

    public DbSet<Requests.StoredRequest> Requests => Set<Requests.StoredRequest>();

    public DbSet<Requests.StoredRequestNote> RequestNotes => Set<Requests.StoredRequestNote>();

    public DbSet<Requests.RequestEvent> RequestEvents => Set<Requests.RequestEvent>();

    public DbSet<Delivery.SecureLink> SecureLinks => Set<Delivery.SecureLink>();

    public DbSet<Insights.SearchCount> SearchCounts => Set<Insights.SearchCount>();

    public DbSet<Usage.LetterViewCount> LetterViews => Set<Usage.LetterViewCount>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MedInfoDb).Assembly);
    }
}
