using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using MimeKit;

namespace MedInfo.Web.Tests;

/// <summary>
/// A real SMTP server for the delivery tests: Debian's aiosmtpd (python3-aiosmtpd, installed by scripts/setup.sh),
/// on a free loopback port, writing each message it accepts into a Maildir the tests read back with MimeKit.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? process;

    private LocalSmtpServer(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public static async Task<LocalSmtpServer> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new LocalSmtpServer(port, Directory.CreateTempSubdirectory("medinfo-mail-").FullName);
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(server.Maildir, folder)); // a Maildir aiosmtpd writes into
        }

        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/> (the same port and Maildir).</summary>
    public async Task RestartAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException("The delivery tests need Debian's python3 with aiosmtpd: apt-get install python3-aiosmtpd (scripts/setup.sh does).");
        }

        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd stopped: " + await process.StandardError.ReadToEndAsync() + " (apt-get install python3-aiosmtpd)");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"aiosmtpd did not listen on port {Port} within 10 s");
    }

    /// <summary>The server goes away (a mail server that is down).</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Every message the server accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        new[] { "new", "cur" }.Select(folder => Path.Combine(Maildir, folder)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles).Select(file => MimeMessage.Load(file)).ToList();

    /// <summary>The message that matches, once it arrives (aiosmtpd writes it as the send completes; this allows for the file system).</summary>
    public async Task<MimeMessage> MessageAsync(Func<MimeMessage, bool> match)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Messages().FirstOrDefault(match) is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("No such message reached the local SMTP server.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        Directory.Delete(Maildir, recursive: true);
    }
}

/// <summary>The portal with email delivery through <paramref name="smtpPort"/> (no TLS: a loopback relay), sending the PDF attached or as a link.</summary>
public sealed class MailPortalFactory(int smtpPort, string package) : PortalFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MedInfo:Mail:Host", "127.0.0.1");
        builder.UseSetting("MedInfo:Mail:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MedInfo:Mail:Security", "None");
        builder.UseSetting("MedInfo:Mail:TimeoutSeconds", "5");
        builder.UseSetting("MedInfo:Mail:Package", package);
        builder.UseSetting("MedInfo:Mail:PublicUrl", "http://localhost");
        builder.UseSetting("MedInfo:Mail:FromAddress", "medinfo@example.org");
    }
}
