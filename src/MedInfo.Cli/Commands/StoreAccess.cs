using MedInfo.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary>
/// Opens the store: PostgreSQL when MEDINFO_POSTGRES names one, else the SQLite file in the folder named by --data
/// (or the environment, or ./data), creating and migrating it if needed.
/// </summary>
internal static class StoreAccess
{
    /// <summary>The store the commands work on, and the data folder (which also holds the PDF cache).</summary>
    public static (StoreConnection Connection, string Directory) Locate(string? dataOption)
    {
        var directory = StoreLocation.DataDirectory(dataOption);
        Directory.CreateDirectory(directory);
        return (StoreConnection.Resolve(directory), directory);
    }

    public static Task<IDbContextFactory<MedInfoDb>> OpenAsync(string? dataOption, CancellationToken cancellationToken) =>
        OpenAsync(Locate(dataOption).Connection, cancellationToken);

    /// <summary>
    /// The store, migrated, as a service provider with <paramref name="configure"/>'s services on top (the PDF
    /// engine, Identity): the commands that need more than the bare store start from here.
    /// </summary>
    public static async Task<ServiceProvider> ServicesAsync(
        string? dataOption, Action<IServiceCollection, string> configure, CancellationToken cancellationToken)
    {
        var (connection, directory) = Locate(dataOption);
        await OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection().AddLogging();
        services.AddMedInfoStore(connection, directory);
        configure(services, directory);
        return services.BuildServiceProvider();
    }

    private static async Task<IDbContextFactory<MedInfoDb>> OpenAsync(StoreConnection connection, CancellationToken cancellationToken)
    {
        var factory = StoreSetup.CreateFactory(connection);
        await StoreSetup.MigrateAsync(factory, cancellationToken).ConfigureAwait(false);
        return factory;
    }
}
