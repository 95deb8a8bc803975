namespace MedInfo.Store;

/// <summary>
/// The MEDINFO_* environment variables, read in this one place. The portal maps them into its configuration
/// (where they win over appsettings); the command line takes them as the defaults of its own options.
/// </summary>
public static class MedInfoEnvironment
{
    /// <summary>The data folder (the SQLite store, the PDF cache, the audit checkpoint).</summary>
    public const string DataDirectory = "MEDINFO_DATA_DIR";

    /// <summary>A PostgreSQL connection string: the scale-out store instead of the SQLite file.</summary>
    public const string PostgreSql = "MEDINFO_POSTGRES";

    /// <summary>Another Chromium binary for the PDF engine.</summary>
    public const string Chromium = "MEDINFO_CHROMIUM";

    /// <summary>Days after closing that a request's personal data is kept (the portal's purge and 'medinfo requests purge').</summary>
    public const string KeepPersonalDataDays = "MEDINFO_KEEP_PERSONAL_DATA_DAYS";

    /// <summary>The certificate (with its private key) that encrypts the key ring in the store.</summary>
    public const string KeyRingCertificate = "MEDINFO_KEYRING_CERTIFICATE";

    /// <summary>The password of <see cref="KeyRingCertificate"/>'s PKCS#12 file.</summary>
    public const string KeyRingCertificatePassword = "MEDINFO_KEYRING_CERTIFICATE_PASSWORD";

    /// <summary>The configuration key each variable sets.</summary>
    public static IReadOnlyDictionary<string, string> ConfigurationKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DataDirectory] = "MedInfo:DataDirectory",
        [PostgreSql] = "ConnectionStrings:PostgreSql",
        [Chromium] = "MedInfo:Pdf:ChromiumPath",
        [KeepPersonalDataDays] = Requests.RequestOptions.Section + ":KeepPersonalDataDays",
        [KeyRingCertificate] = KeyRing.KeyRingOptions.Section + ":Certificate",
        [KeyRingCertificatePassword] = KeyRing.KeyRingOptions.Section + ":CertificatePassword",
    };

    /// <summary>A variable's value; null when it is not set or empty.</summary>
    public static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>MEDINFO_KEEP_PERSONAL_DATA_DAYS as a number of days; null when unset.</summary>
    /// <exception cref="StoreProblemException">It is set to something that is not a number of days.</exception>
    public static int? KeepPersonalDataDaysValue() => Get(KeepPersonalDataDays) is not { } text
        ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            ? days
            : throw new StoreProblemException($"{KeepPersonalDataDays} is '{text}': it must be a whole number of days (0 or more).");

    /// <summary>The variables that are set, as configuration keys and values.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> AsConfiguration() =>
        ConfigurationKeys.Where(k => Get(k.Key) is not null).Select(k => new KeyValuePair<string, string?>(k.Value, Get(k.Key)));
}
