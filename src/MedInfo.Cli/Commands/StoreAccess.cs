using MedInfo.Store;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Cli.Commands;

/// <summary>Opens the store named by --data (or the environment, or ./data), creating and migrating it if needed.</summary>
internal static class StoreAccess
{
    public static async Task<IDbContextFactory<MedInfoDb>> OpenAsync(string? dataOption, CancellationToken cancellationToken)
    {
        var directory = StoreLocation.DataDirectory(dataOption);
        Directory.CreateDirectory(directory);
        var factory = StoreSetup.CreateFactory(StoreLocation.ConnectionString(directory));
        await StoreSetup.MigrateAsync(factory, cancellationToken).ConfigureAwait(false);
        return factory;
    }
}
