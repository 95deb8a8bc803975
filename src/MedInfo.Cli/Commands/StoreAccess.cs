using MedInfo.Import;
using MedInfo.Pdf;
using MedInfo.Store;
using MedInfo.Store.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Cli.Commands;

/// <summary>
/// Every command's services, built one way: the store (PostgreSQL when MEDINFO_POSTGRES names one, else the SQLite
/// file in the folder named by --data, else MEDINFO_DATA_DIR, else ./data), created and migrated if needed, with the
/// importer, the PDF exports and staff accounts on top, from one service provider.
/// </summary>
internal static class StoreAccess
{
    /// <summary>The store the commands work on, and the data folder (which also holds the PDF cache).</summary>
    public static (StoreConnection Connection, string Directory) Locate(string? dataOption)
    {
        var directory = DataDirectory(dataOption);
        Directory.CreateDirectory(directory);
        return (Connection(directory), directory);
    }

    /// <summary>The store named by the data folder and MEDINFO_POSTGRES, without touching anything.</summary>
    public static StoreConnection Connection(string? dataOption) =>
        StoreConnection.Resolve(DataDirectory(dataOption), MedInfoEnvironment.Get(MedInfoEnvironment.PostgreSql));

    /// <summary>The data folder: --data, else MEDINFO_DATA_DIR, else ./data.</summary>
    public static string DataDirectory(string? dataOption) =>
        StoreLocation.DataDirectory(dataOption ?? MedInfoEnvironment.Get(MedInfoEnvironment.DataDirectory));

    /// <summary>The services, with the store migrated; <paramref name="keepPersonalDataDays"/> (an option) wins over MEDINFO_KEEP_PERSONAL_DATA_DAYS.</summary>
    public static async Task<ServiceProvider> OpenAsync(string? dataOption, CancellationToken cancellationToken, int? keepPersonalDataDays = null)
    {
        var (connection, directory) = Locate(dataOption);
        var services = new ServiceCollection().AddLogging();
        var keyRing = new MedInfo.Store.KeyRing.KeyRingOptions
        {
            Certificate = MedInfoEnvironment.Get(MedInfoEnvironment.KeyRingCertificate),
            CertificatePassword = MedInfoEnvironment.Get(MedInfoEnvironment.KeyRingCertificatePassword),
        };
        services.AddMedInfoStore(connection, directory, keyRing).AddMedInfoImport();
        if ((keepPersonalDataDays ?? MedInfoEnvironment.KeepPersonalDataDaysValue()) is { } keep)
        {
            services.Configure<MedInfo.Store.Requests.RequestOptions>(requests => requests.KeepPersonalDataDays = keep);
        }

        services.AddMedInfoPdf(pdf =>
        {
            pdf.CacheDirectory = PdfOptions.CacheDirectoryIn(directory);
            pdf.ChromiumPath = MedInfoEnvironment.Get(MedInfoEnvironment.Chromium) ?? pdf.ChromiumPath;
        });
        services.AddIdentityCore<IdentityUser>(StaffIdentity.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<MedInfoDb>();
        var provider = services.BuildServiceProvider();
        try
        {
            await StoreSetup.PrepareAsync(provider, cancellationToken).ConfigureAwait(false);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
