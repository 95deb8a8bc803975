using MedInfo.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store;

/// <summary>The store. Use one context per operation (IDbContextFactory); reads use AsNoTracking.</summary>
public sealed class MedInfoDb(DbContextOptions<MedInfoDb> options) : DbContext(options)
{
    public DbSet<StoredLetter> Letters => Set<StoredLetter>();

    public DbSet<StoredLetterVersion> LetterVersions => Set<StoredLetterVersion>();

    public DbSet<StoredProduct> Products => Set<StoredProduct>();

    public DbSet<StoredReference> References => Set<StoredReference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MedInfoDb).Assembly);
}
