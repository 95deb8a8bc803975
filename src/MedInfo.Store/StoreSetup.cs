using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The store on <paramref name="connection"/>; <paramref name="dataDirectory"/> holds what lives beside it (the audit checkpoint).</summary>
    public static IServiceCollection AddMedInfoStore(this IServiceCollection services, StoreConnection connection, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(connection);
        services.AddSingleton(connection);

        // One key ring for the portal and the command line (the default location, ~/.aspnet/DataProtection-Keys):
        // the audit checkpoint one seals, the other verifies.
        services.AddDataProtection().SetApplicationName("MedInfo");
        services.AddSingleton(s => new Audit.AuditCheckpoint(
            Path.Combine(dataDirectory, Audit.AuditCheckpoint.FileName), s.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()));
        services.AddDbContextFactory<MedInfoDb>(options => connection.Configure(options));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StoreChanges>();
        services.AddSingleton(s => new Import.LetterImporter(s.GetRequiredService<IDbContextFactory<MedInfoDb>>(), s.GetRequiredService<TimeProvider>(), s.GetRequiredService<StoreChanges>()));
        services.AddSingleton(s => new Reading.LetterCatalog(s.GetRequiredService<IDbContextFactory<MedInfoDb>>(), s.GetRequiredService<StoreChanges>()));
        services.AddSingleton<Search.LetterSearch>();
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton<Usage.ReaderDownloads>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations (a SQLite file is created on first start); only takes EF Core's migration lock
    /// when there is something to apply. On SQLite it first clears a lock left by a process that died (see
    /// <see cref="MigrationLock"/>; PostgreSQL's lock ends with its session) and switches the file to WAL, so
    /// readers keep reading while an import writes.
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<MedInfoDb> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await RefuseAFileThatIsNotAStoreAsync(db, cancellationToken).ConfigureAwait(false);
            await MigrationLock.ReleaseIfStaleAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // EF Core reads PostgreSQL's migration history before it creates the table, and logs each such read on
            // an empty database as a failed command: an alarming first start. Creating the table first avoids it.
            try
            {
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.DuplicateTable)
            {
                // Another portal starting at the same moment created it; the migration lock orders the rest.
            }
        }

        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A new store is made only where there is no file. A file that is there but empty (truncated) or holds no
    /// migration history is refused: migrating it would silently start a new store over a lost one, letters'
    /// history and audit trail gone without an alarm.
    /// </summary>
    private static async Task RefuseAFileThatIsNotAStoreAsync(MedInfoDb db, CancellationToken cancellationToken)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || !File.Exists(path))
        {
            return;
        }

        var advice = $"A new store is only made where there is no file. Put the last backup in place with 'medinfo restore FILE', " +
            $"or, to start a new store on purpose, move {path} away and start again.";
        if (new FileInfo(path).Length == 0)
        {
            throw new StoreProblemException($"The store file {path} is empty (0 bytes): its letters, versions and audit trail are gone. {advice}");
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            // EF Core's lock table alone is a first start that died before its first migration: that store is ours.
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', '__EFMigrationsLock')";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new StoreProblemException($"The file {path} is not a MedInfo store (it has no migration history). {advice}");
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
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
