using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedInfo.Store.KeyRing;

/// <summary>
/// One data-protection key ring for every portal and the command line on a store: the keys live in the store
/// (a sign-in on one portal is accepted by another behind the same load balancer), encrypted by the configured
/// certificate when there is one.
/// </summary>
internal static class StoreKeyRing
{
    /// <exception cref="StoreProblemException">The certificate is required but not set, or cannot be used.</exception>
    public static void AddStoreKeyRing(this IServiceCollection services, KeyRingOptions options)
    {
        var protection = services.AddDataProtection().SetApplicationName("MedInfo").PersistKeysToDbContext<MedInfoDb>();
        if (LoadCertificate(options) is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }

        services.AddSingleton(s => new HomeFolderKeys(
            s.GetRequiredService<IDbContextFactory<MedInfoDb>>(), s.GetRequiredService<IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(), options.HomeFolderKeys));
    }

    private static X509Certificate2? LoadCertificate(KeyRingOptions options)
    {
        const string Setting = KeyRingOptions.Section + ":Certificate";
        if (string.IsNullOrWhiteSpace(options.Certificate))
        {
            return options.RequireCertificate
                ? throw new StoreProblemException($"{Setting} is not set: a portal in Production on PostgreSQL keeps its sign-in keys in the database, and they must be encrypted there by a certificate (see docs/deploy.md).")
                : null;
        }

        var path = Path.GetFullPath(options.Certificate);
        if (!File.Exists(path))
        {
            throw new StoreProblemException($"{Setting} names {path}, which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }
        catch (CryptographicException e)
        {
            throw new StoreProblemException($"{Setting} ({path}) could not be read as a certificate with its private key (is {KeyRingOptions.Section}:CertificatePassword right?): {e.Message}");
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new StoreProblemException($"{Setting} ({path}) holds no private key: the keys it encrypts could not be read back.");
        }

        return certificate;
    }
}
