using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MedInfo.Store.KeyRing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedInfo.Store;

/// <summary>Wires the store into a service collection and brings its schema up to date.</summary>
public static class StoreSetup
{
    /// <summary>The embedded SQLite store in <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddMedInfoStore(this IServiceCollection services, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return services.AddMedInfoStore(StoreConnection.Sqlite(dataDirectory), dataDirectory);
    }

    /// <summary>
    /// The store on <paramref name="connection"/>; <paramref name="dataDirectory"/> holds what lives beside it (the
    /// audit checkpoint); <paramref name="keyRing"/> says how the key ring kept in the store is protected.
    /// </summary>
    /// <exception cref="StoreProblemException">The key ring's certificate is required but not set, or cannot be used.</exception>
    public static IServiceCollection AddMedInfoStore(this IServiceCollection services, StoreConnection connection, string dataDirectory, KeyRing.KeyRingOptions? keyRing = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        services.AddSingleton(connection);

        // One key ring in the store for every portal and the command line: a sign-in on one portal is accepted by
        // another, and the audit checkpoint one seals, the other verifies.
        services.AddStoreKeyRing(keyRing ?? new KeyRing.KeyRingOptions());
        services.AddSingleton(s => new Audit.AuditCheckpoint(
            Path.Combine(dataDirectory, Audit.AuditCheckpoint.FileName), s.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()));
        services.AddDbContextFactory<MedInfoDb>(options => connection.Configure(options));
        services.TryAddSingleton(TimeProvider.System); // a test's clock, when one was registered first
        services.AddSingleton<StoreChanges>();
        services.AddSingleton<Reading.LetterCatalog>();
        services.AddSingleton<Reading.LetterRenderings>();
        services.AddOptions<Search.SearchOptions>();
        services.AddSingleton<Search.LetterIndex>();
        services.AddSingleton<Search.LetterSearch>();
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton<Usage.ReaderDownloads>();
        services.AddSingleton<Usage.LetterViews>();
        services.AddKeyedSingleton(Requests.RequestLog.CheckpointKey, (s, _) => new Audit.AuditCheckpoint(
            Path.Combine(dataDirectory, Requests.RequestLog.CheckpointFileName), s.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            Requests.RequestLog.Subject));
        services.AddSingleton<Requests.RequestLog>();
        services.AddSingleton<Requests.RequestDesk>();
        services.AddOptions<Requests.RequestOptions>();
        services.AddSingleton<Delivery.SecureLinks>();
        services.AddOptions<Delivery.DeliveryOptions>();
        services.AddSingleton<Insights.SearchCounts>();
        services.AddSingleton<Insights.Insights>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations (a SQLite file is created on first start), once however many processes start
    /// together; the engine says how (<see cref="Engines.IStoreEngine.MigrateAsync"/>).
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<MedInfoDb> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await Engines.StoreEngine.For(db).MigrateAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Readies the store for a portal or the command line: <see cref="MigrateAsync(IDbContextFactory{MedInfoDb}, CancellationToken)"/>,
    /// then the keys this machine kept in its home folder are copied into the store's key ring (before anything
    /// reads what they sealed).
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await MigrateAsync(services.GetRequiredService<IDbContextFactory<MedInfoDb>>(), cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<HomeFolderKeys>().CopyIntoStoreAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A context factory over a SQLite connection string, for the command line and tests.</summary>
    public static IDbContextFactory<MedInfoDb> CreateFactory(string sqliteConnectionString) =>
        CreateFactory(new StoreConnection(StoreProvider.Sqlite, sqliteConnectionString));

    public static IDbContextFactory<MedInfoDb> CreateFactory(StoreConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var options = new DbContextOptionsBuilder<MedInfoDb>();
        connection.Configure(options);
        return new PooledDbContextFactory<MedInfoDb>(options.Options);
    }
}
