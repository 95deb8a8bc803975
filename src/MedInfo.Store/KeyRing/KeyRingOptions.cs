namespace MedInfo.Store.KeyRing;

/// <summary>
/// The data-protection key ring (section <c>MedInfo:KeyRing</c>): it signs staff sign-ins and antiforgery tokens
/// and seals the audit checkpoints, and is kept in the store so every portal on it reads the same keys.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "MedInfo:KeyRing";

    /// <summary>
    /// A certificate with its private key (a PKCS#12 .pfx/.p12 file, or a PEM file holding both) that encrypts the
    /// keys where they are kept. Every portal and the command line need the same one.
    /// </summary>
    public string? Certificate { get; set; }

    /// <summary>The PKCS#12 file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Where this machine kept its keys before they moved into the store (ASP.NET Core's default,
    /// <c>~/.aspnet/DataProtection-Keys</c>): copied in at start, so what they sealed stays readable.
    /// </summary>
    public string? HomeFolderKeys { get; set; } = DefaultHomeFolderKeys;

    /// <summary>Refuse to start without <see cref="Certificate"/> (a portal in Production on PostgreSQL).</summary>
    public bool RequireCertificate { get; set; }

    public static string DefaultHomeFolderKeys =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aspnet", "DataProtection-Keys");
}
