using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedInfo.Store.Configurations;

internal sealed class SearchCountConfiguration : IEntityTypeConfiguration<Insights.SearchCount>
{
    public void Configure(EntityTypeBuilder<Insights.SearchCount> builder)
    {
        builder.ToTable("SearchCounts");
        builder.HasKey(s => new { s.Day, s.Query });
        builder.Property(s => s.Query).HasMaxLength(Insights.SearchCounts.MaxQueryLength);

        // The insights sum a month of rows by search: this index holds all they read, so the table is not visited.
        builder.HasIndex(s => new { s.Day, s.Query, s.Found, s.Count }).HasDatabaseName("IX_SearchCounts_Insights");
    }
}

internal sealed class LetterViewCountConfiguration : IEntityTypeConfiguration<Usage.LetterViewCount>
{
    public void Configure(EntityTypeBuilder<Usage.LetterViewCount> builder)
    {
        builder.ToTable("LetterViews");
        builder.HasKey(v => new { v.LetterId, v.Day });
        builder.Property(v => v.LetterId).HasMaxLength(200);
        builder.HasIndex(v => new { v.Day, v.LetterId, v.Count });
    }
}
