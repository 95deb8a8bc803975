using MedInfo.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// The store named by --data, migrated, as a service provider with <paramref name="configure"/>'s services on top
    /// (the PDF engine, Identity): the commands that need more than the bare store start from here.
    /// </summary>
    public static async Task<ServiceProvider> ServicesAsync(
        string? dataOption, Action<IServiceCollection, string> configure, CancellationToken cancellationToken)
    {
        var directory = StoreLocation.DataDirectory(dataOption);
        await OpenAsync(directory, cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection().AddLogging();
        services.AddMedInfoStore(directory);
        configure(services, directory);
        return services.BuildServiceProvider();
    }
}
