using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MedInfo.Store.Tests;

/// <summary>A self-signed certificate with its private key in a PKCS#12 file, as an operator gives the key ring.</summary>
public static class TestCertificate
{
    public const string Password = "a test certificate password";

    public static string WritePfx(string directory, string name = "keyring.pfx")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MedInfo test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
