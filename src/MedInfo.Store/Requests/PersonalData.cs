using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MedInfo.Store.Audit;

namespace MedInfo.Store.Requests;

/// <summary>
/// The one list of a request's personal fields: what the digest on the request log covers, and what erasure
/// clears. The digest is salted per request (the salt is erased too), so once the data is gone the digest cannot be
/// tested against guesses of a name or an email.
/// </summary>
internal static class PersonalData
{
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The digest of the requester's details as they arrived.</summary>
    public static string Digest(StoredRequest request) =>
        Digest(request.Salt, JsonSerializer.Serialize(new[] { request.Name, request.Role, request.Institution, request.Email, request.Phone, request.Question, request.EventDetails }));

    public static string Digest(string? salt, string? text) => HashChain.Hash(salt + "\n" + text);

    /// <summary>Clears every personal field of <paramref name="request"/> and the text of its notes.</summary>
    public static void Erase(StoredRequest request, DateTime now)
    {
        request.Name = request.Role = request.Institution = request.Email = request.Phone = null;
        request.Question = request.EventDetails = request.Salt = null;
        request.SearchText = request.Number.ToLowerInvariant();
        request.PersonalDataErasedUtc = now;
        foreach (var note in request.Notes)
        {
            note.Text = null;
        }
    }

    /// <summary>What the inbox's text filter looks in, lower-cased once when written.</summary>
    public static string SearchText(StoredRequest request) =>
        new StringBuilder().AppendJoin('\n', request.Number, request.Name, request.Role, request.Institution, request.Email, request.Phone, request.Question)
            .ToString().ToLowerInvariant();
}
