using Microsoft.Data.Sqlite;

namespace MedInfo.Store;

/// <summary>
/// Backups of the store with SQLite's online backup API: consistent while the portal keeps serving and importing,
/// with no need to stop it. A restore checks the backup's integrity before it replaces anything.
/// </summary>
public static class StoreBackup
{
    /// <summary>Copies the store in <paramref name="dataDirectory"/> to <paramref name="file"/> (which must not exist).</summary>
    public static void Backup(string dataDirectory, string file)
    {
        if (File.Exists(file))
        {
            throw new IOException($"{file} already exists; choose a new file name for the backup.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using var source = new SqliteConnection(StoreLocation.ConnectionString(dataDirectory));
        source.Open();
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>
    /// Puts a backup in place as the store of <paramref name="dataDirectory"/>. The backup must pass
    /// <c>PRAGMA integrity_check</c>; the store it replaces is kept beside it as medinfo.db.before-restore.
    /// Run it while the portal is stopped.
    /// </summary>
    public static string Restore(string file, string dataDirectory)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"There is no backup at {file}.", file);
        }

        using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var result = command.ExecuteScalar() as string;
            if (result != "ok")
            {
                throw new InvalidDataException($"{file} is not a sound MedInfo backup (integrity check: {result}). Nothing was changed.");
            }
        }

        Directory.CreateDirectory(dataDirectory);
        SqliteConnection.ClearAllPools();
        var store = Path.Combine(dataDirectory, StoreLocation.FileName);
        var kept = store + ".before-restore";
        if (File.Exists(store))
        {
            File.Move(store, kept, overwrite: true);
        }

        foreach (var sidecar in new[] { store + "-wal", store + "-shm" })
        {
            File.Delete(sidecar);
        }

        File.Copy(file, store);
        return kept;
    }
}
