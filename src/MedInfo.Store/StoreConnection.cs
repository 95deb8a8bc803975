using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedInfo.Store;

/// <summary>The database engines the store runs on.</summary>
public enum StoreProvider
{
    /// <summary>The embedded default: one file, medinfo.db, in the data folder.</summary>
    Sqlite,

    /// <summary>The scale-out store: several portals share one PostgreSQL database.</summary>
    PostgreSql,
}

/// <summary>
/// Which database holds the store. PostgreSQL when a connection string is given (configuration, or
/// MEDINFO_POSTGRES as <see cref="MedInfoEnvironment"/> maps it), otherwise the SQLite file in the data folder. Each engine has its own migrations:
/// SQLite's in this assembly, PostgreSQL's in MedInfo.Store.PostgreSql.
/// </summary>
public sealed record StoreConnection(StoreProvider Provider, string ConnectionString)
{
    /// <summary>The assembly that holds the PostgreSQL migrations (loaded by name, so this one need not reference it).</summary>
    public const string PostgreSqlMigrationsAssembly = "MedInfo.Store.PostgreSql";

    public static StoreConnection Sqlite(string dataDirectory) =>
        new(StoreProvider.Sqlite, StoreLocation.ConnectionString(dataDirectory));

    /// <summary>
    /// Connections one process keeps to PostgreSQL unless its connection string says otherwise. Npgsql's default (100)
    /// is PostgreSQL's whole default max_connections: two portals would exhaust the server. The rule: portals × this
    /// + a few for the command line &lt; max_connections (100 by default, so up to four portals).
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    /// <exception cref="StoreConfigurationException">The text is not a connection string Npgsql can read.</exception>
    public static StoreConnection PostgreSql(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // Said here, once, in words an operator can act on; never with the text itself, which may hold a password.
            throw new StoreConfigurationException(
                $"{MedInfoEnvironment.PostgreSql} (or ConnectionStrings:PostgreSql) is not a PostgreSQL connection string like " +
                $"'Host=db.example.org;Database=medinfo;Username=medinfo;Password=...': {e.Message}");
        }

        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
            connectionString = builder.ConnectionString;
        }

        return new(StoreProvider.PostgreSql, connectionString);
    }

    /// <summary>PostgreSQL when a connection string is given, else SQLite in <paramref name="dataDirectory"/>.</summary>
    public static StoreConnection Resolve(string dataDirectory, string? postgreSql) =>
        postgreSql is { Length: > 0 } ? PostgreSql(postgreSql) : Sqlite(dataDirectory);

    /// <summary>Where the store is, for logs and messages: never the password.</summary>
    public string Description => Provider switch
    {
        StoreProvider.PostgreSql when new NpgsqlConnectionStringBuilder(ConnectionString) is var b =>
            $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port}",
        _ => $"SQLite file {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource}",
    };

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Provider switch
        {
            // Migrations run inside the engine's own transaction there (see PostgreSqlEngine.MigrateAsync), on purpose.
            StoreProvider.PostgreSql => builder.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly))
                .ConfigureWarnings(warnings => warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.MigrationsUserTransactionWarning)),
            _ => builder.UseSqlite(ConnectionString).AddInterceptors(new Engines.SqliteCacheSize()),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Description; // a record would print the connection string, password and all
}

/// <summary>The store is configured in a way it cannot be opened with; the message says what to change.</summary>
public sealed class StoreConfigurationException(string message) : MedInfoException(message, ProblemKind.Misconfigured);
