using MedInfo.Store.Audit;
using MedInfo.Store.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Store.Tests;

/// <summary>
/// The key ring in the store: encrypted at rest by the configured certificate, and the keys a portal kept in its
/// home folder before are copied in, so an audit checkpoint they sealed is still verified.
/// </summary>
public abstract class KeyRingTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;
    private string home = null!;
    private string certificate = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        home = Directory.CreateDirectory(Path.Combine(store.Directory, "home-keys")).FullName;
        certificate = TestCertificate.WritePfx(store.Directory);
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task A_checkpoint_sealed_by_home_folder_keys_is_verified_after_the_keys_move_into_the_store()
    {
        var data = Directory.CreateDirectory(Path.Combine(store.Directory, "data")).FullName;
        await SealCheckpointTheOldWayAsync(data);

        await using var portal = await OpenAsync(data, new KeyRingOptions { HomeFolderKeys = home, Certificate = certificate, CertificatePassword = TestCertificate.Password });
        await portal.GetRequiredService<AuditTrail>().CheckAgainstCheckpointAsync(); // throws when the seal cannot be read
        var verification = await portal.GetRequiredService<AuditTrail>().VerifyAsync();

        Assert.True(verification.Intact, string.Join('\n', verification.Problems));
        var stored = Assert.Single(await KeysAsync());
        Assert.Contains("encryptedSecret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", stored, StringComparison.Ordinal); // the master key is not kept in the clear
    }

    [Fact]
    public async Task Without_the_home_folder_keys_the_same_checkpoint_cannot_be_verified()
    {
        var data = Directory.CreateDirectory(Path.Combine(store.Directory, "data")).FullName;
        await SealCheckpointTheOldWayAsync(data);

        await using var portal = await OpenAsync(data, new KeyRingOptions { HomeFolderKeys = Path.Combine(store.Directory, "another-home") });
        var problem = await Assert.ThrowsAsync<StoreProblemException>(() => portal.GetRequiredService<AuditTrail>().CheckAgainstCheckpointAsync());

        Assert.Contains("cannot be verified", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_are_copied_once_however_often_portals_start()
    {
        var data = Directory.CreateDirectory(Path.Combine(store.Directory, "data")).FullName;
        await SealCheckpointTheOldWayAsync(data);
        var options = new KeyRingOptions { HomeFolderKeys = home };

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => await (await OpenAsync(data, options)).DisposeAsync()));
        await (await OpenAsync(data, options)).DisposeAsync();

        Assert.Single(await KeysAsync());
    }

    [Fact]
    public async Task New_keys_are_kept_in_the_store_encrypted_and_read_by_another_portal_with_the_same_certificate()
    {
        var options = new KeyRingOptions { HomeFolderKeys = null, Certificate = certificate, CertificatePassword = TestCertificate.Password };
        await using var first = await OpenAsync(Directory.CreateDirectory(Path.Combine(store.Directory, "a")).FullName, options);
        await using var second = await OpenAsync(Directory.CreateDirectory(Path.Combine(store.Directory, "b")).FullName, options);

        var sealedByFirst = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed in on the first portal");

        Assert.Equal("signed in on the first portal", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedByFirst));
        Assert.All(await KeysAsync(), k => Assert.DoesNotContain("<value>", k, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("missing.pfx", null, "which does not exist")]
    [InlineData("keyring.pfx", "not the password", "could not be read as a certificate")]
    public void A_certificate_that_cannot_be_used_is_one_clear_problem(string file, string? password, string expected)
    {
        var options = new KeyRingOptions { Certificate = Path.Combine(store.Directory, file), CertificatePassword = password };

        var problem = Assert.Throws<StoreProblemException>(() => new ServiceCollection().AddMedInfoStore(store.Connection, store.Directory, options));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("MedInfo:KeyRing:Certificate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_requires_a_certificate_does_not_start_without_one()
    {
        var problem = Assert.Throws<StoreProblemException>(() => new ServiceCollection().AddMedInfoStore(store.Connection, store.Directory, new KeyRingOptions { RequireCertificate = true }));

        Assert.Contains("MedInfo:KeyRing:Certificate is not set", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>As a portal before this change did: the key ring in the home folder seals the audit checkpoint.</summary>
    private async Task SealCheckpointTheOldWayAsync(string data)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("MedInfo").PersistKeysToFileSystem(new DirectoryInfo(home));
        await using var old = services.BuildServiceProvider();
        using var audit = new AuditTrail(store.Factory, store.Clock, new AuditCheckpoint(Path.Combine(data, AuditCheckpoint.FileName), old.GetRequiredService<IDataProtectionProvider>()));
        await audit.RecordAsync(new NewExport(NewExport.LetterKind, null, "web", [new ExportedLetter("letter-1", 1, new string('a', 64))]), [1, 2, 3]);
        Assert.Single(Directory.GetFiles(home, "key-*.xml"));
    }

    private async Task<ServiceProvider> OpenAsync(string data, KeyRingOptions options)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(store.Clock);
        services.AddMedInfoStore(store.Connection, data, options);
        var provider = services.BuildServiceProvider();
        await StoreSetup.PrepareAsync(provider);
        return provider;
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    public sealed class OnSqlite() : KeyRingTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : KeyRingTests(server);
}
