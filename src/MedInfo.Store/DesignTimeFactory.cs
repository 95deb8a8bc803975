using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MedInfo.Store;

/// <summary>Lets 'dotnet ef migrations add' build the model without a running app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MedInfoDb>
{
    public MedInfoDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MedInfoDb>().UseSqlite("Data Source=design-time.db").Options);
}
