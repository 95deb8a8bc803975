using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MedInfo.Testing;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// The portal behind a real nginx (Debian's, started here on loopback ports), as a production portal runs: readers
/// at different addresses get budgets of their own, a forged X-Forwarded-For from an address that is not a proxy
/// changes nothing, and the scheme the proxy was reached by (HTTPS at the proxy) decides HSTS.
/// </summary>
public sealed class ProxyTests : IClassFixture<ProxyTests.PortalBehindNginx>
{
    private const int SearchBudget = 3;

    private readonly PortalBehindNginx portal;

    public ProxyTests(PortalBehindNginx portal) => this.portal = portal;

    [Fact]
    public async Task Readers_behind_the_proxy_each_have_their_own_budget()
    {
        using var first = Client("127.0.0.2", portal.ProxyUrl);
        using var second = Client("127.0.0.3", portal.ProxyUrl);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SearchBudget; i++)
        {
            statuses.Add((await first.GetAsync("/search?q=poems")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, SearchBudget), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/search?q=poems")).StatusCode);
    }

    [Fact]
    public async Task A_forged_forwarded_address_changes_no_budget()
    {
        // Sent through the proxy: nginx adds the real address after the forged one, and only that one is believed.
        using var throughProxy = Client("127.0.0.4", portal.ProxyUrl);

        // Sent straight to the portal from an address that is not a proxy: the header is ignored.
        using var direct = Client("127.0.0.5", portal.PortalUrl);

        foreach (var client in new[] { throughProxy, direct })
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i <= SearchBudget; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=poems");
                request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
                statuses.Add((await client.SendAsync(request)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        }
    }

    [Fact]
    public async Task The_scheme_the_proxy_was_reached_by_decides_HSTS()
    {
        using var throughProxy = Client("127.0.0.6", portal.ProxyUrl);
        using var direct = Client("127.0.0.7", portal.PortalUrl);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/");
        forged.Headers.Host = "medinfo.test"; // as the proxy names the site
        forged.Headers.Add("X-Forwarded-Proto", "https");

        var proxied = await throughProxy.GetAsync("/");
        var plain = await direct.SendAsync(forged);

        Assert.True(proxied.Headers.Contains("Strict-Transport-Security"), "HTTPS at the proxy: HSTS");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"), "plain HTTP, a forged scheme ignored: no HSTS");
    }

    /// <summary>A client whose connections leave from <paramref name="address"/> (any 127.x.y.z is this machine).</summary>
    private static HttpClient Client(string address, string baseUrl)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("Cookie", "medinfo-hcp=yes");
        return client;
    }

    /// <summary>The portal on a Kestrel port, nginx in front of it on another, both stopped at the end.</summary>
    public sealed class PortalBehindNginx : PortalFactory, IAsyncLifetime
    {
        private readonly string nginxFolder = Directory.CreateTempSubdirectory("medinfo-nginx-").FullName;
        private Process? nginx;

        public string PortalUrl { get; private set; } = string.Empty;

        public string ProxyUrl { get; private set; } = string.Empty;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MedInfo:RateLimits:SearchesPerMinute", SearchBudget.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("MedInfo:Proxy:KnownProxies:0", "127.0.0.1");
        }

        public async Task InitializeAsync()
        {
            UseKestrel(0);
            StartServer();
            PortalUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            var portalPort = new Uri(PortalUrl).Port;
            var proxyPort = LoopbackPort.Free();
            ProxyUrl = $"http://127.0.0.1:{proxyPort}";
            await File.WriteAllTextAsync(Path.Combine(nginxFolder, "nginx.conf"), $$"""
                daemon off;
                master_process off;
                worker_processes 1;
                pid {{nginxFolder}}/nginx.pid;
                error_log {{nginxFolder}}/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path {{nginxFolder}}/body;
                    proxy_temp_path {{nginxFolder}}/proxy;
                    fastcgi_temp_path {{nginxFolder}}/fastcgi;
                    uwsgi_temp_path {{nginxFolder}}/uwsgi;
                    scgi_temp_path {{nginxFolder}}/scgi;
                    server {
                        listen 127.0.0.1:{{proxyPort}};
                        location / {
                            proxy_pass http://127.0.0.1:{{portalPort}};
                            # A site's name: HSTS is never sent for localhost or a loopback address.
                            proxy_set_header Host medinfo.test;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            # As a proxy that ends TLS says: the reader came over HTTPS.
                            proxy_set_header X-Forwarded-Proto https;
                        }
                    }
                }
                """);
            nginx = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-p", nginxFolder, "-c", Path.Combine(nginxFolder, "nginx.conf"), "-e", Path.Combine(nginxFolder, "error.log")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            }) ?? throw new InvalidOperationException("nginx did not start: apt-get install nginx (scripts/setup.sh does)");
            using var probe = new HttpClient();
            for (var attempt = 0; attempt < 100; attempt++)
            {
                try
                {
                    await probe.GetAsync(ProxyUrl + "/healthz");
                    return;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50);
                }
            }

            throw new InvalidOperationException("nginx did not answer: " + await File.ReadAllTextAsync(Path.Combine(nginxFolder, "error.log")));
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            if (nginx is { HasExited: false })
            {
                nginx.Kill(entireProcessTree: true);
                nginx.WaitForExit();
            }

            nginx?.Dispose();
            Directory.Delete(nginxFolder, recursive: true);
            return Task.CompletedTask;
        }
    }
}
