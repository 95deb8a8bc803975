using MedInfo.Store.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MedInfo.Store.Configurations;

internal sealed class StoredRequestConfiguration : IEntityTypeConfiguration<StoredRequest>
{
    public void Configure(EntityTypeBuilder<StoredRequest> builder)
    {
        builder.ToTable("Requests");
        builder.Property(r => r.Number).HasMaxLength(50);
        builder.HasIndex(r => r.Number).IsUnique();
        foreach (var name in new[] { nameof(StoredRequest.Channel), nameof(StoredRequest.Requester), nameof(StoredRequest.Status), nameof(StoredRequest.Priority),
            nameof(StoredRequest.AdverseEvent), nameof(StoredRequest.ProductComplaint), nameof(StoredRequest.PreferredReply),
            nameof(StoredRequest.Delivery) })
        {
            builder.Property(name).HasConversion<string>().HasMaxLength(30);
        }

        builder.Property(r => r.AssignedTo).HasMaxLength(256);
        builder.Property(r => r.ForwardedBy).HasMaxLength(256);
        builder.Property(r => r.ForwardedReference).HasMaxLength(RequestLimits.Reference);
        builder.Property(r => r.Country).HasMaxLength(RequestLimits.Country);
        builder.Property(r => r.Region).HasMaxLength(RequestLimits.Region);
        builder.Property(r => r.OtherProduct).HasMaxLength(RequestLimits.OtherProduct);
        builder.Property(r => r.Name).HasMaxLength(RequestLimits.Name);
        builder.Property(r => r.Role).HasMaxLength(RequestLimits.Role);
        builder.Property(r => r.Institution).HasMaxLength(RequestLimits.Institution);
        builder.Property(r => r.Email).HasMaxLength(RequestLimits.Email);
        builder.Property(r => r.Phone).HasMaxLength(RequestLimits.Phone);
        builder.Property(r => r.Salt).HasMaxLength(64);
        builder.Property(r => r.DeliveryProblem).HasMaxLength(500);

        // The inbox: open requests, pending safety flags first, by due time; the other views by receipt.
        builder.Ignore(r => r.SafetyPending);
        builder.HasIndex(r => new { r.Lane, r.QueueDueUtc, r.Id });
        builder.HasIndex(r => new { r.Status, r.ReceivedUtc });
        builder.HasIndex(r => r.ReceivedUtc);
        builder.HasIndex(r => new { r.AssignedTo, r.Lane });
        builder.HasIndex(r => new { r.AdverseEvent, r.Lane });
        builder.HasIndex(r => new { r.ProductComplaint, r.Lane });

        // The insights read a year of requests per view: one covering index holds every column they read.
        builder.HasIndex(r => new { r.ReceivedMonth, r.Channel, r.MinutesToAnswer, r.AnsweredInTime, r.AdverseEvent, r.ProductComplaint, r.ForwardedUtc, r.PharmacovigilanceDueUtc })
            .HasDatabaseName("IX_Requests_Insights");
        builder.HasIndex(r => r.ClosedUtc);
        builder.HasMany(r => r.Products).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Notes).WithOne().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredRequestProductConfiguration : IEntityTypeConfiguration<StoredRequestProduct>
{
    public void Configure(EntityTypeBuilder<StoredRequestProduct> builder)
    {
        builder.ToTable("RequestProducts");
        builder.HasKey(p => new { p.RequestId, p.Brand });
        builder.Property(p => p.Brand).HasMaxLength(200);
        builder.HasIndex(p => new { p.Brand, p.RequestId });
        builder.HasIndex(p => new { p.ReceivedMonth, p.Brand });
    }
}

internal sealed class StoredRequestNoteConfiguration : IEntityTypeConfiguration<StoredRequestNote>
{
    public void Configure(EntityTypeBuilder<StoredRequestNote> builder)
    {
        builder.ToTable("RequestNotes");
        builder.Property(n => n.Author).HasMaxLength(256);
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("RequestEvents");
        builder.Property(e => e.RequestNumber).HasMaxLength(50);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Kind).HasMaxLength(30);
        builder.Property(e => e.PersonalDigest).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.RecordHash).HasMaxLength(64);
        builder.HasIndex(e => e.RequestNumber);
        builder.HasIndex(e => e.RequestId);

        // No foreign key to Requests: the log outlives whatever happens to a request's row.
    }
}

internal sealed class SecureLinkConfiguration : IEntityTypeConfiguration<Delivery.SecureLink>
{
    public void Configure(EntityTypeBuilder<Delivery.SecureLink> builder)
    {
        builder.ToTable("SecureLinks");
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.Property(l => l.RequestNumber).HasMaxLength(50);
        builder.HasIndex(l => l.RequestNumber);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.RevokedBy).HasMaxLength(256);
    }
}
