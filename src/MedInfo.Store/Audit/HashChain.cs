using System.Security.Cryptography;
using System.Text;

namespace MedInfo.Store.Audit;

/// <summary>A record of a hash chain as read back: its id, the hash it says came before, its stored and recomputed hash.</summary>
internal readonly record struct ChainLink(long Id, string PreviousHash, string RecordHash, string ComputedHash);

/// <summary>
/// What every append-only chain in the store shares (the export records, the request log): each record's hash
/// covers its fields and the hash of the record before it, from a chain start of zeros.
/// </summary>
internal static class HashChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Each break in <paramref name="links"/> (in id order): a record changed after it was written no longer matches
    /// its hash; a record removed leaves the next one pointing at a hash that is not there.
    /// </summary>
    public static IEnumerable<string> Breaks(IEnumerable<ChainLink> links, string subject)
    {
        var previous = Genesis;
        foreach (var link in links)
        {
            if (link.PreviousHash != previous)
            {
                yield return $"{subject} {link.Id}: it follows a record with hash {link.PreviousHash[..Math.Min(12, link.PreviousHash.Length)]}…, but the record before it has {previous[..12]}… (a record was removed or reordered).";
            }

            if (link.ComputedHash != link.RecordHash)
            {
                yield return $"{subject} {link.Id}: its fields no longer match its hash (it was changed after it was written).";
            }

            previous = link.RecordHash;
        }
    }
}
