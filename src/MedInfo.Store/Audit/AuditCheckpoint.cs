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
public sealed class AuditCheckpoint(string path, IDataProtectionProvider protection)
{
    public const string FileName = "audit-checkpoint.json";

    private readonly IDataProtector protector = protection.CreateProtector("MedInfo.AuditCheckpoint.v1");

    public string Path => path;

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
                $"The audit checkpoint {path} cannot be verified ({e.Message}): it was changed, or the data-protection key that sealed it is " +
                "not this machine's. Restore the key ring or the file from backup; do not delete it to make this go away.");
        }
    }

    private static string Payload(ChainHead head) =>
        string.Create(CultureInfo.InvariantCulture, $"{head.RecordId}\n{head.RecordHash}");

    private sealed record CheckpointFile(long RecordId, string RecordHash, string Seal);
}
