using MedInfo.Content.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace MedInfo.Web.Tests;

/// <summary>
/// The portal on a store of its own (a temporary folder) with a content folder of its own (a copy of content/),
/// so a test can change a letter and re-import without touching anything else.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public PortalFactory()
    {
        Root = Directory.CreateTempSubdirectory("medinfo-web-").FullName;
        ContentDirectory = Path.Combine(Root, "content");
        CopyDirectory(RepositoryPaths.Content, ContentDirectory);
    }

    public string Root { get; }

    /// <summary>Sign-in attempts per five minutes from the tests' one client address.</summary>
    protected virtual int SignInBudget => 1000;

    public string ContentDirectory { get; }

    public string SeedLetterPath => Path.Combine(ContentDirectory, "darzalex", "poems-syndrome.md");

    /// <summary>
    /// The test server has no network, so every client has no address; a request with this header comes from the
    /// address it names (a test stand-in for a second machine; the test host only).
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");

        // Outside Development the build's static web assets (scoped CSS, blazor.web.js) are only found when asked for.
        builder.UseStaticWebAssets();
        builder.UseSetting("MedInfo:DataDirectory", Path.Combine(Root, "data"));
        builder.UseSetting("MedInfo:ContentDirectory", ContentDirectory);
        // Chromium starts on the first export here, as tests ask for few (PdfEngineStartupTests turn this back on).
        builder.UseSetting("MedInfo:Pdf:StartWithPortal", "false");
        // A home folder of its own: a portal copies the keys it finds there into its store's key ring.
        builder.UseSetting("MedInfo:KeyRing:HomeFolderKeys", Path.Combine(Root, "home-keys"));

        // Every test client shares one address here; the budgets that tests do not exercise are raised.
        builder.UseSetting("MedInfo:RateLimits:SignInsPerFiveMinutes", SignInBudget.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A client that has confirmed the HCP notice and does not follow redirects.</summary>
    public HttpClient CreateHcpClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing server: the OS temp cleaner will take it.
        }
    }

    protected static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>The portal with the synthetic letters of tests/letters beside content/ (a patient letter, boxes, figures).</summary>
public sealed class TestLettersPortalFactory : PortalFactory
{
    public TestLettersPortalFactory() => CopyDirectory(RepositoryPaths.TestLetters, ContentDirectory);
}

/// <summary>The portal as `scripts/run.sh` starts it: Development (scope validation on, no HSTS, plain console logs).</summary>
public sealed class DevelopmentPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>
/// The portal on a PostgreSQL database (the scale-out store) instead of the SQLite file. In Production there its
/// key ring must be encrypted: by <paramref name="keyRingCertificate"/> (portals on one database share one), else
/// a certificate of its own.
/// </summary>
public sealed class PostgreSqlPortalFactory(string connectionString, string? keyRingCertificate = null) : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:PostgreSql", connectionString);
        builder.UseSetting("MedInfo:KeyRing:Certificate", keyRingCertificate ?? MedInfo.Store.Tests.TestCertificate.WritePfx(Root));
        builder.UseSetting("MedInfo:KeyRing:CertificatePassword", MedInfo.Store.Tests.TestCertificate.Password);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
