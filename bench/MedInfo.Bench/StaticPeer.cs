using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace MedInfo.Bench;

/// <summary>
/// The letter page's peer: the same bytes as a static file, served by the same web server (Kestrel) with nothing
/// else in the pipeline, in this harness's process on a loopback port. The portal carries no route for it.
/// </summary>
public sealed class StaticPeer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StaticPeer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<StaticPeer> StartAsync(string folder, int port)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)) });
        await app.StartAsync();
        return new StaticPeer(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
