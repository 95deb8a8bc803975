using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Store;

/// <summary>Wires the store into a service collection and brings its schema up to date.</summary>
public static class StoreSetup
{
    public static IServiceCollection AddMedInfoStore(this IServiceCollection services, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var connectionString = StoreLocation.ConnectionString(dataDirectory);
        services.AddDbContextFactory<MedInfoDb>(options => options.UseSqlite(connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StoreChanges>();
        services.AddSingleton(s => new Import.LetterImporter(s.GetRequiredService<IDbContextFactory<MedInfoDb>>(), s.GetRequiredService<TimeProvider>(), s.GetRequiredService<StoreChanges>()));
        services.AddSingleton(s => new Reading.LetterCatalog(s.GetRequiredService<IDbContextFactory<MedInfoDb>>(), s.GetRequiredService<StoreChanges>()));
        services.AddSingleton<Search.LetterSearch>();
        services.AddSingleton<Audit.AuditTrail>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations (the file is created on first start) and switches the file to WAL, so readers
    /// keep reading while an import writes. Only takes EF Core's migration lock when there is something to apply,
    /// and first clears a lock left by a process that died (see <see cref="MigrationLock"/>).
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<MedInfoDb> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await MigrationLock.ReleaseIfStaleAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A context over an explicit connection string, for the command line and tests.</summary>
    public static IDbContextFactory<MedInfoDb> CreateFactory(string connectionString) =>
        new PooledDbContextFactory<MedInfoDb>(new DbContextOptionsBuilder<MedInfoDb>().UseSqlite(connectionString).Options);
}
