using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MedInfo.Store.Tests;

/// <summary>
/// EF Core's SQLite migration lock is a row that a killed process leaves behind; the crash-safety test hung on it.
/// Start-up must get past such a row instead of waiting for it forever.
/// </summary>
public sealed class MigrationLockTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("medinfo-lock-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_lock_left_by_a_process_killed_before_the_first_migration_does_not_hang_the_next_start()
    {
        await LeaveLockAsync(DateTimeOffset.UtcNow.AddMinutes(-10));
        var factory = StoreSetup.CreateFactory(StoreLocation.ConnectionString(directory));

        await StoreSetup.MigrateAsync(factory).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM __EFMigrationsLock"));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM Letters"));
    }

    [Fact]
    public async Task A_migrated_store_starts_without_taking_the_lock_even_while_another_process_holds_it()
    {
        var factory = StoreSetup.CreateFactory(StoreLocation.ConnectionString(directory));
        await StoreSetup.MigrateAsync(factory);
        await LeaveLockAsync(DateTimeOffset.UtcNow);

        await StoreSetup.MigrateAsync(factory).WaitAsync(TimeSpan.FromSeconds(60));

        // A fresh lock may belong to a process that is migrating right now: it is left alone.
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM __EFMigrationsLock"));
    }

    /// <summary>The row EF Core writes when it takes the lock, as a killed process leaves it.</summary>
    private async Task LeaveLockAsync(DateTimeOffset takenAt)
    {
        await ScalarAsync("CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)");
        await ScalarAsync($"INSERT INTO \"__EFMigrationsLock\" VALUES (1, '{takenAt.ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)}')");
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, StoreLocation.FileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
