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
    }
}
