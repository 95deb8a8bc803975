using MedInfo.Store.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedInfo.Store.Configurations;

internal sealed class ExportRecordConfiguration : IEntityTypeConfiguration<ExportRecord>
{
    public void Configure(EntityTypeBuilder<ExportRecord> builder)
    {
        builder.ToTable("ExportRecords");
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.Source).HasMaxLength(20);
        builder.Property(r => r.RequestNumber).HasMaxLength(100);
        builder.Property(r => r.PdfSha256).HasMaxLength(64);
        builder.Property(r => r.PreviousHash).HasMaxLength(64);
        builder.Property(r => r.RecordHash).HasMaxLength(64);
        builder.HasIndex(r => r.AtUtc);
        builder.HasIndex(r => r.RequestNumber);
        builder.HasMany(r => r.Letters).WithOne().HasForeignKey(l => l.ExportRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExportRecordLetterConfiguration : IEntityTypeConfiguration<ExportRecordLetter>
{
    public void Configure(EntityTypeBuilder<ExportRecordLetter> builder)
    {
        builder.ToTable("ExportRecordLetters");
        builder.Property(l => l.LetterId).HasMaxLength(200);
        builder.Property(l => l.ContentHash).HasMaxLength(64);
        builder.HasIndex(l => l.LetterId);
    }
}

internal sealed class ExportFileConfiguration : IEntityTypeConfiguration<ExportFile>
{
    public void Configure(EntityTypeBuilder<ExportFile> builder)
    {
        builder.ToTable("ExportFiles");
        builder.HasKey(f => f.Sha256);
        builder.Property(f => f.Sha256).HasMaxLength(64);
    }
}

internal sealed class ErasedExportFileConfiguration : IEntityTypeConfiguration<ErasedExportFile>
{
    public void Configure(EntityTypeBuilder<ErasedExportFile> builder)
    {
        builder.ToTable("ErasedExportFiles");
        builder.HasKey(f => f.Sha256);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Reason).HasMaxLength(200);
    }
}
