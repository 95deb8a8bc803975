using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedInfo.Pdf.Tests;

/// <summary>The engine's lifecycle: one browser, started again after it dies; a bounded queue.</summary>
public sealed class EngineTests
{
    private static readonly DocumentInfo Info = new("Engine test", "Tests", "A page", []);
    private static readonly PageFrame Frame = new("Header", "Footer");
    private const string Html = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><h1>Invented heading</h1><p>Body text.</p></body></html>";

    private static ChromiumPdfEngine Engine(Action<PdfOptions>? configure = null)
    {
        var options = new PdfOptions();
        configure?.Invoke(options);
        return new ChromiumPdfEngine(Options.Create(options), NullLogger<ChromiumPdfEngine>.Instance);
    }

    [Fact]
    public async Task A_browser_that_died_is_started_again_on_the_next_print()
    {
        await using var engine = Engine();
        await engine.PrintAsync(Html, Frame, Info);
        var first = engine.CurrentBrowser!;

        await first.CloseAsync();
        var pdf = await engine.PrintAsync(Html, Frame, Info);

        Assert.Contains("Invented heading", await Poppler.TextAsync(pdf), StringComparison.Ordinal);
        Assert.NotSame(first, engine.CurrentBrowser);
        Assert.True(engine.CurrentBrowser!.IsConnected);
    }

    [Fact]
    public async Task A_print_page_is_replaced_by_a_fresh_one_after_its_share_of_documents()
    {
        // A renderer keeps some of every document it showed; a page kept for good made Chromium grow per print.
        await using var engine = Engine(o => { o.MaxConcurrency = 1; o.PrintsPerPage = 3; });
        var open = new List<int>();
        var pages = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < 7; i++)
        {
            var pdf = await engine.PrintAsync(Html.Replace("Invented heading", $"Invented heading {i}", StringComparison.Ordinal), Frame, Info);
            Assert.Contains($"Invented heading {i}", await Poppler.TextAsync(pdf), StringComparison.Ordinal);
            open.Add(engine.CurrentBrowser!.Contexts.Count);
            pages.UnionWith(engine.CurrentBrowser.Contexts);
        }

        // Each page prints three documents and is closed; the next print opens a fresh one.
        Assert.Equal([1, 1, 0, 1, 1, 0, 1], open);
        Assert.Equal(3, pages.Count);
    }

    [Fact]
    public async Task With_every_slot_taken_a_request_that_cannot_wait_is_told_the_engine_is_busy()
    {
        await using var engine = Engine(o => { o.MaxConcurrency = 1; o.QueueTimeout = TimeSpan.Zero; });

        var running = engine.PrintAsync(Html, Frame, Info);
        var error = await Assert.ThrowsAsync<PdfEngineBusyException>(() => engine.PrintAsync(Html, Frame, Info));
        await running;

        Assert.Contains("try again", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(await engine.PrintAsync(Html, Frame, Info));
    }

    [Fact]
    public async Task The_print_page_fetches_nothing_from_the_network()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        await using var engine = Engine();
        var html = $"<!DOCTYPE html><html lang=\"en\"><head><link rel=\"stylesheet\" href=\"http://127.0.0.1:{port}/x.css\"></head>" +
                   $"<body><h1>Offline</h1><img src=\"http://127.0.0.1:{port}/tracker.png\" alt=\"\"><iframe src=\"http://127.0.0.1:{port}/frame\"></iframe></body></html>";

        var pdf = await engine.PrintAsync(html, Frame, Info);

        Assert.Contains("Offline", await Poppler.TextAsync(pdf), StringComparison.Ordinal);
        Assert.False(listener.Pending(), "the print page connected to a server");
    }
}
