using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MedInfo.Store.PostgreSql;

/// <summary>
/// Lets 'dotnet ef migrations add --project src/MedInfo.Store.PostgreSql' build the PostgreSQL model without a
/// server (adding a migration does not connect).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MedInfoDb>
{
    public MedInfoDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MedInfoDb>();
        StoreConnection.PostgreSql("Host=localhost;Database=medinfo_design_time").Configure(options);
        return new MedInfoDb(options.Options);
    }
}
