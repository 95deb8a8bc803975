using System.Xml;
using System.Xml.Linq;
using MedInfo.Store.Engines;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedInfo.Store.KeyRing;

/// <summary>
/// The keys a portal kept in its home folder before the key ring moved into the store. Copied in at start (each
/// once, whichever portal gets there first), encrypted as the store's own keys are, so the audit checkpoints and
/// sign-ins they sealed stay readable. The folder is left as it was.
/// </summary>
internal sealed class HomeFolderKeys(IDbContextFactory<MedInfoDb> factory, IOptions<KeyManagementOptions> keyManagement, string? folder)
{
    private static readonly XNamespace Protection = "http://schemas.asp.net/2015/03/dataProtection";

    /// <summary>How many keys were copied into the store (0 when the folder is missing or every key is there).</summary>
    /// <exception cref="StoreProblemException">A file in the folder is not a key ring's XML.</exception>
    public async Task<int> CopyIntoStoreAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder) || Directory.GetFiles(folder, "*.xml") is not { Length: > 0 } files)
        {
            return 0;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await StoreEngine.For(db).TakeTurnAsync(db, WriterTurn.KeyRing, cancellationToken).ConfigureAwait(false);
        var held = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var copied = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            // The file repository names each file after the element's friendly name (key-{id}, revocation-…).
            var name = Path.GetFileNameWithoutExtension(file);
            if (held.Contains(name))
            {
                continue;
            }

            XElement element;
            try
            {
                element = XElement.Load(file);
            }
            catch (XmlException e)
            {
                throw new StoreProblemException($"{file} (a key kept in the home folder, to be copied into the store) is not XML: {e.Message}");
            }

            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = Sealed(element).ToString(SaveOptions.DisableFormatting) });
            copied++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return copied;
    }

    /// <summary>
    /// The key with each part marked requiresEncryption encrypted by the store's encryptor, in the form the key
    /// manager reads back (an encryptedSecret naming its decryptor); unchanged when no encryptor is configured.
    /// </summary>
    private XElement Sealed(XElement key)
    {
        if (keyManagement.Value.XmlEncryptor is not { } encryptor)
        {
            return key;
        }

        var copy = new XDocument(new XElement(key)).Root!; // in a document, so even a marked root has a parent
        while (copy.DescendantsAndSelf().FirstOrDefault(e => (string?)e.Attribute(Protection + "requiresEncryption") == "true") is { } secret)
        {
            var encrypted = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement(Protection + "encryptedSecret",
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
        }

        return copy;
    }
}
