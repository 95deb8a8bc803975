using System.CommandLine;
using MedInfo.Store;
using MedInfo.Store.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary><c>medinfo backup &lt;file&gt;</c> (safe while the portal runs) and <c>medinfo restore &lt;file&gt;</c> (portal stopped).</summary>
internal static class BackupCommands
{
    public static Command Backup(Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "The backup file to write (must not exist yet)." };
        var command = new Command("backup", "Copy the store to a file with SQLite's online backup, while the portal serves.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = StoreAccess.DataDirectory(parse.GetValue(dataOption));
            var target = parse.GetValue(file)!.FullName;
            if (await RefusePostgreSqlAsync(directory, "backup", error).ConfigureAwait(false))
            {
                return 1;
            }

            try
            {
                await using var store = await StoreAccess.OpenAsync(directory, cancellationToken).ConfigureAwait(false); // created and migrated first
                StoreBackup.Backup(directory, target);
                await output.WriteLineAsync($"Backed up {Path.Combine(directory, StoreLocation.FileName)} to {target} ({new FileInfo(target).Length:N0} bytes).").ConfigureAwait(false);
                return 0;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    public static Command Restore(Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A backup made by 'medinfo backup'." };
        var command = new Command("restore", "Put a backup in place as the store (stop the portal first); the old store is kept beside it.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = StoreAccess.DataDirectory(parse.GetValue(dataOption));
            if (await RefusePostgreSqlAsync(directory, "restore", error).ConfigureAwait(false))
            {
                return 1;
            }

            try
            {
                var kept = StoreBackup.Restore(parse.GetValue(file)!.FullName, directory);
                await output.WriteLineAsync($"Restored {parse.GetValue(file)!.FullName} into {directory}; the previous store, if any, is {kept}.").ConfigureAwait(false);

                // A restore rolls the audit trail back to the backup's day: said out loud, then accepted as the new head.
                await using var services = await StoreAccess.OpenAsync(parse.GetValue(dataOption), cancellationToken).ConfigureAwait(false);
                if (await services.GetRequiredService<AuditTrail>().AcceptRestoredTrailAsync(cancellationToken).ConfigureAwait(false) is { } lost)
                {
                    await error.WriteLineAsync(
                        $"Warning: {lost} Those records are in the replaced store ({kept}); keep it. The audit checkpoint now follows the restored trail " +
                        $"(the old one is kept as {AuditCheckpoint.FileName}.before-restore).").ConfigureAwait(false);
                }

                if (await services.GetRequiredService<MedInfo.Store.Requests.RequestLog>().AcceptRestoredLogAsync(cancellationToken).ConfigureAwait(false) is { } lostSteps)
                {
                    await error.WriteLineAsync(
                        $"Warning: {lostSteps} Those steps are in the replaced store ({kept}); keep it. The request log's checkpoint now follows the restored log " +
                        $"(the old one is kept as {MedInfo.Store.Requests.RequestLog.CheckpointFileName}.before-restore).").ConfigureAwait(false);
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Data.Common.DbException)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    /// <summary>These commands copy the SQLite file; a PostgreSQL store has its own tools, and is never touched here.</summary>
    private static async Task<bool> RefusePostgreSqlAsync(string directory, string command, TextWriter error)
    {
        var connection = StoreAccess.Connection(directory);
        if (connection.Provider != StoreProvider.PostgreSql)
        {
            return false;
        }

        await error.WriteLineAsync(
            $"medinfo {command} copies the embedded SQLite store, but {MedInfoEnvironment.PostgreSql} points at the {connection.Description}: " +
            $"use PostgreSQL's pg_dump and pg_restore for it.").ConfigureAwait(false);
        return true;
    }
}
