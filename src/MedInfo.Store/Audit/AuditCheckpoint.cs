using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace MedInfo.Store.Audit;

/// <summary>The newest record the checkpoint has seen: its id and hash.</summary>
public sealed record ChainHead(long RecordId, string RecordHash);

/// <summary>
/// The audit chain's head, kept outside the database (a file in the data folder) and sealed with the
/// data-protection key, so that truncating, replacing or rolling back the database cannot also erase the evidence
/// that records existed. The trail must still hold the checkpointed record with the same hash: a chain that only
/// grew passes (a checkpoint written by another portal earlier is a valid prefix), one that lost records does not.
/// </summary>
public sealed class AuditCheckpoint(string path, IDataProtectionProvider protection, string subject = AuditCheckpoint.ExportRecordSubject)
{
    public const string FileName = "audit-checkpoint.json";

    /// <summary>What the export chain's records are called in messages; other chains name theirs (and seal apart).</summary>
    public const string ExportRecordSubject = "export record";

    private readonly IDataProtector protector = subject == ExportRecordSubject
        ? protection.CreateProtector("MedInfo.AuditCheckpoint.v1")
        : protection.CreateProtector("MedInfo.AuditCheckpoint.v1", subject);

    public string Path => path;

    /// <summary>
    /// At start-up: the chain still holds the record this checkpoint names (records were not lost, the store was not
    /// replaced by an older one). A chain without a checkpoint yet (a new data folder) is checkpointed now.
    /// <paramref name="hashOf"/> gives the chain's hash for a record id (null when there is none), <paramref name="newest"/> its head.
    /// </summary>
    /// <exception cref="StoreProblemException">Records the checkpoint saw are gone.</exception>
    public async Task CheckAsync(Func<long, CancellationToken, Task<string?>> hashOf, Func<CancellationToken, Task<ChainHead?>> newest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashOf);
        ArgumentNullException.ThrowIfNull(newest);
        var head = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            if (await newest(cancellationToken).ConfigureAwait(false) is { } last)
            {
                await WriteAsync(last, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (Loss(head, await hashOf(head.RecordId, cancellationToken).ConfigureAwait(false)) is { } lost)
        {
            throw new StoreProblemException(lost + " Start-up stops here so that this is seen. Find the store that holds them (the last backup: " +
                "'medinfo restore FILE'); 'medinfo audit verify' reports the same.");
        }
    }

    /// <summary>
    /// After an operator put a backup in place on purpose: the checkpoint moves to the restored chain's head (the old
    /// one is kept beside it as .before-restore). Returns what the old checkpoint saw that the restored chain lacks,
    /// null when nothing was lost, so the operator is told.
    /// </summary>
    public async Task<string?> AcceptRestoredAsync(Func<long, CancellationToken, Task<string?>> hashOf, Func<CancellationToken, Task<ChainHead?>> newest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashOf);
        string? lost = null;
        try
        {
            if (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } head)
            {
                lost = Loss(head, await hashOf(head.RecordId, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (StoreProblemException e)
        {
            lost = e.Message;
        }

        if (File.Exists(path))
        {
            File.Copy(path, path + ".before-restore", overwrite: true);
            File.Delete(path);
        }

        await CheckAsync(hashOf, newest, cancellationToken).ConfigureAwait(false); // seals the restored head
        return lost;
    }

    /// <summary>For a full verification: what the checkpoint finds missing from a chain read whole (<paramref name="hashNow"/> gives a record's hash by id), or that it cannot be read; null when all is well.</summary>
    public async Task<string?> FindLossAsync(Func<long, string?> hashNow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashNow);
        try
        {
            return await ReadAsync(cancellationToken).ConfigureAwait(false) is { } head ? Loss(head, hashNow(head.RecordId)) : null;
        }
        catch (StoreProblemException e)
        {
            return e.Message;
        }
    }

    /// <summary>Says what is missing when the chain's record <paramref name="head"/> names has another hash, or none; null when it matches.</summary>
    public string? Loss(ChainHead head, string? hashNow)
    {
        ArgumentNullException.ThrowIfNull(head);
        return hashNow == head.RecordHash
            ? null
            : hashNow is null
                ? $"The audit checkpoint ({path}) saw {subject} {head.RecordId} (hash {head.RecordHash[..12]}…), which the trail no longer holds: records were lost, or the store was emptied, replaced or rolled back."
                : $"The audit checkpoint ({path}) saw {subject} {head.RecordId} with hash {head.RecordHash[..12]}…, but the trail's {subject} {head.RecordId} has {hashNow[..12]}…: the store was replaced or rolled back.";
    }

    /// <summary>Records <paramref name="head"/> as the newest record (written aside and moved in: never half a file).</summary>
    public async Task WriteAsync(ChainHead head, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(head);
        var payload = Payload(head);
        var file = new CheckpointFile(head.RecordId, head.RecordHash, protector.Protect(payload));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(file), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The checkpointed head; null when there is no checkpoint yet. Throws when the file was altered.</summary>
    /// <exception cref="StoreProblemException">The file is not one this installation sealed.</exception>
    public async Task<ChainHead?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var file = JsonSerializer.Deserialize<CheckpointFile>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))
                ?? throw new JsonException("empty");
            var head = new ChainHead(file.RecordId, file.RecordHash);
            if (protector.Unprotect(file.Seal) != Payload(head))
            {
                throw new System.Security.Cryptography.CryptographicException("The seal is for another head.");
            }

            return head;
        }
        catch (Exception e) when (e is JsonException or System.Security.Cryptography.CryptographicException or FormatException or ArgumentException)
        {
            throw new StoreProblemException(
                $"The audit checkpoint {path} cannot be verified ({e.Message}): it was changed, or the store's key ring no longer holds the key " +
                "that sealed it (the store was lost, replaced, or restored from another installation). Restore the store (medinfo restore) " +
                "or the file from backup; do not delete it to make this go away.");
        }
    }

    private static string Payload(ChainHead head) =>
        string.Create(CultureInfo.InvariantCulture, $"{head.RecordId}\n{head.RecordHash}");

    private sealed record CheckpointFile(long RecordId, string RecordHash, string Seal);
}
