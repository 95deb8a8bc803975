namespace MedInfo.Store.Tests;

/// <summary>Where a test store lives: a SQLite file in the test's folder, or a new database on a PostgreSQL server.</summary>
public interface ITestDatabase
{
    Task<StoreConnection> CreateAsync(string directory);
}

/// <summary>The embedded default: medinfo.db in the test's own folder.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    public static readonly SqliteTestDatabase Instance = new();

    public Task<StoreConnection> CreateAsync(string directory) => Task.FromResult(StoreConnection.Sqlite(directory));
}

/// <summary>The throwaway PostgreSQL server as an xunit fixture: each test store gets a database of its own.</summary>
public sealed class PostgreSqlServer : ITestDatabase, IAsyncLifetime
{
    public const string EnvironmentVariable = MedInfo.Testing.ThrowawayPostgreSql.EnvironmentVariable;

    private readonly MedInfo.Testing.ThrowawayPostgreSql server = new();

    public Task InitializeAsync() => server.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    /// <summary>A new, empty database for one test store.</summary>
    public Task<StoreConnection> CreateAsync(string directory) => server.CreateAsync(directory);
}

/// <summary>Test classes in this collection share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
