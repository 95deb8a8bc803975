using MedInfo.Store.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedInfo.Store.Configurations;

internal sealed class StoredLetterConfiguration : IEntityTypeConfiguration<StoredLetter>
{
    public void Configure(EntityTypeBuilder<StoredLetter> builder)
    {
        builder.ToTable("Letters");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasMaxLength(200);
        builder.Property(l => l.SourcePath).HasMaxLength(1000);
        builder.HasMany(l => l.Versions).WithOne().HasForeignKey(v => v.LetterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.CurrentVersion).WithMany().HasForeignKey(l => l.CurrentVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.PublishedVersion).WithMany().HasForeignKey(l => l.PublishedVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredLetterVersionConfiguration : IEntityTypeConfiguration<StoredLetterVersion>
{
    public void Configure(EntityTypeBuilder<StoredLetterVersion> builder)
    {
        builder.ToTable("LetterVersions");
        builder.HasIndex(v => new { v.LetterId, v.Number }).IsUnique();
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        // One status type end to end; the column keeps the words the front matter uses ("draft", "published", "retired").
        builder.Property(v => v.Status).HasMaxLength(20).HasConversion(
            status => status.ToString().ToLowerInvariant(),
            text => Enum.Parse<MedInfo.Letters.LetterStatus>(text, true));
        // The audience's front-matter word ("hcp", "patient"); the migration that added it made earlier versions "hcp".
        builder.Property(v => v.Audience).HasMaxLength(20).HasConversion(
            audience => audience.ToString().ToLowerInvariant(),
            text => Enum.Parse<MedInfo.Letters.AudienceKind>(text, true));
        builder.HasMany(v => v.Figures).WithOne().HasForeignKey(f => f.LetterVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Products).WithOne().HasForeignKey(p => p.LetterVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.References).WithOne().HasForeignKey(r => r.LetterVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredRenderingConfiguration : IEntityTypeConfiguration<StoredRendering>
{
    public void Configure(EntityTypeBuilder<StoredRendering> builder)
    {
        builder.ToTable("LetterRenderings");
        builder.HasKey(r => new { r.LetterVersionId, r.Page, r.Renderer });
        builder.Property(r => r.Page).HasMaxLength(20);
        builder.Property(r => r.Renderer).HasMaxLength(64);
        builder.HasOne<StoredLetterVersion>().WithMany().HasForeignKey(r => r.LetterVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredFigureImageConfiguration : IEntityTypeConfiguration<StoredFigureImage>
{
    public void Configure(EntityTypeBuilder<StoredFigureImage> builder)
    {
        builder.ToTable("FigureImages");
        builder.HasKey(f => f.Sha256);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.MediaType).HasMaxLength(20);
    }
}

internal sealed class LetterVersionFigureConfiguration : IEntityTypeConfiguration<LetterVersionFigure>
{
    public void Configure(EntityTypeBuilder<LetterVersionFigure> builder)
    {
        builder.ToTable("LetterVersionFigures");
        builder.HasKey(f => new { f.LetterVersionId, f.Sha256 });
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasOne<StoredFigureImage>().WithMany().HasForeignKey(f => f.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredSynonymConfiguration : IEntityTypeConfiguration<StoredSynonym>
{
    public void Configure(EntityTypeBuilder<StoredSynonym> builder)
    {
        builder.ToTable("SearchSynonyms");
        builder.HasIndex(s => s.LetterVersionId);
        builder.HasOne<StoredLetterVersion>().WithMany().HasForeignKey(s => s.LetterVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredProductConfiguration : IEntityTypeConfiguration<StoredProduct>
{
    public void Configure(EntityTypeBuilder<StoredProduct> builder)
    {
        builder.ToTable("Products");
        builder.HasIndex(p => p.Brand).IsUnique();
        builder.HasIndex(p => p.Slug);
    }
}

internal sealed class LetterVersionProductConfiguration : IEntityTypeConfiguration<LetterVersionProduct>
{
    public void Configure(EntityTypeBuilder<LetterVersionProduct> builder)
    {
        builder.ToTable("LetterVersionProducts");
        builder.HasKey(p => new { p.LetterVersionId, p.ProductId });
        builder.HasOne(p => p.Product).WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredReferenceConfiguration : IEntityTypeConfiguration<StoredReference>
{
    public void Configure(EntityTypeBuilder<StoredReference> builder)
    {
        builder.ToTable("References");
        builder.HasIndex(r => new { r.LetterVersionId, r.Number }).IsUnique();
    }
}

internal sealed class ReaderDownloadCountConfiguration : IEntityTypeConfiguration<Usage.ReaderDownloadCount>
{
    public void Configure(EntityTypeBuilder<Usage.ReaderDownloadCount> builder)
    {
        builder.ToTable("ReaderDownloads");
        builder.HasKey(d => new { d.LetterId, d.VersionNumber, d.Day });
        builder.Property(d => d.LetterId).HasMaxLength(200);
    }
}
