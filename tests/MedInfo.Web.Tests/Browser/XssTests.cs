using System.Text.Json;
using MedInfo.Content;
using MedInfo.Web.Tests.Security;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MedInfo.Web.Tests.Browser;

/// <summary>
/// The XSS corpus (<see cref="XssCorpus"/>) in a real browser. Content payloads the importer accepts become
/// letters on a portal of their own; every page that shows them is opened with the CSP switched off, so what is
/// tested is that the payload never became markup (the CSP is a second wall, tested elsewhere). No dialog may
/// open, no request may leave the portal, and no event handler, script URL or foreign script may be in the DOM.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class XssTests(BrowserFixture browser, XssTests.CorpusPortal corpus, ITestOutputHelper output) : IClassFixture<XssTests.CorpusPortal>
{
    /// <summary>Everything in a page's DOM that could run: event handler attributes, script URLs, scripts from elsewhere, frames.</summary>
    private const string LiveMarkupScript = """
        () => {
          const found = [];
          const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              const name = a.name.toLowerCase();
              const value = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
              if (name.startsWith('on')) found.push(`${el.tagName} ${name}`);
              if (urlAttributes.includes(name) && /^(javascript|data|vbscript):/.test(value)) found.push(`${el.tagName} ${name}=${value}`);
            }
            if (['IFRAME', 'OBJECT', 'EMBED', 'FRAME'].includes(el.tagName)) found.push(el.tagName);
            if (el.tagName === 'BASE' && !(el.parentElement === document.head && el.getAttribute('href') === '/')) found.push(`BASE ${el.getAttribute('href')}`);
          }
          for (const s of document.scripts) {
            if (!s.src || new URL(s.src).origin !== location.origin) found.push(`SCRIPT ${s.src || s.textContent.slice(0, 60)}`);
          }
          return found;
        }
        """;

    [Fact]
    public void The_corpus_has_over_fifty_payloads_in_every_place()
    {
        Assert.True(XssCorpus.All.Count >= 50, $"{XssCorpus.All.Count} payloads");
        Assert.All(Enum.GetValues<XssPlace>(), place => Assert.Contains(XssCorpus.All, p => p.Place == place));
    }

    [Fact]
    public void Content_payloads_are_refused_at_import_with_file_and_line_or_imported_as_text()
    {
        foreach (var payload in corpus.Refused)
        {
            var result = LetterReader.Read($"xss/{payload.LetterId}.md", XssCorpus.Letter(payload));
            var error = Assert.Single(result.Diagnostics.Where(d => d.IsError).Take(1));
            Assert.True(error.Line > 1 && error.Path.EndsWith($"{payload.LetterId}.md", StringComparison.Ordinal), $"{payload}: {error}");
        }

        output.WriteLine($"{corpus.Refused.Count} refused at import, {corpus.Accepted.Count} imported:");
        output.WriteLine(string.Join('\n', corpus.Accepted));

        // Raw HTML and script links never get in. (A tag CommonMark does not read as HTML, such as an unquoted
        // attribute with quotes in it, is plain text; the browser test shows it stays text.) Text that only looks
        // like markup, in titles, cells and references, is imported as text.
        Assert.Contains(XssCorpus.All.First(p => p.Text == "<script>alert('xss')</script>"), corpus.Refused);
        Assert.All(XssCorpus.All.Where(p => p.Text.Contains("javascript:", StringComparison.OrdinalIgnoreCase) && p.Place is XssPlace.Body or XssPlace.PrescribingInformation or XssPlace.TableCell),
            p => Assert.Contains(p, corpus.Refused));
        Assert.Contains(corpus.Accepted, p => p.Place == XssPlace.Title);
    }

    [Fact]
    public async Task No_payload_runs_on_any_page_that_shows_it()
    {
        var watch = await WatchedPageAsync();
        var pages = new List<string> { "/", "/search?q=synthetic" };
        foreach (var payload in corpus.Accepted)
        {
            pages.Add($"/letters/{payload.LetterId}");
            pages.Add($"/letters/{payload.LetterId}/history");
            pages.Add($"/letters/{payload.LetterId}/versions/1");
        }

        pages.Add("/products/" + MedInfo.Letters.Slug.Make("\"><svg onload=alert('xss')>"));
        pages.AddRange(XssCorpus.All.Where(p => p.Place == XssPlace.SearchText).Select(p => "/search?q=" + Uri.EscapeDataString(p.Text)));
        pages.AddRange(XssCorpus.All.Where(p => p.Place == XssPlace.Url).Select(p => p.Text));

        foreach (var path in pages)
        {
            await watch.VisitAsync(path);
        }

        Assert.True(watch.Visited >= 3 * corpus.Accepted.Count, $"{watch.Visited} pages visited");
        output.WriteLine($"{watch.Visited} pages visited with {corpus.Accepted.Count} imported payloads, {XssCorpus.All.Count(p => !p.IsContent)} search and URL payloads");
        watch.AssertNothingRan();
    }

    [Fact]
    public async Task Payloads_in_titles_and_cells_show_as_the_text_that_was_written()
    {
        var watch = await WatchedPageAsync();
        foreach (var payload in corpus.Accepted.Where(p => p.Place is XssPlace.Title or XssPlace.TableCell or XssPlace.ReferenceText or XssPlace.Brand))
        {
            await watch.VisitAsync($"/letters/{payload.LetterId}");
            var shown = payload.Place switch
            {
                XssPlace.Title => await watch.Page.Locator("h1").InnerTextAsync(),
                XssPlace.TableCell => await watch.Page.Locator("table td, table th").AllInnerTextsAsync().ContinueWith(t => string.Join('\n', t.Result)),
                XssPlace.ReferenceText => await watch.Page.Locator(".references").InnerTextAsync(),
                _ => await watch.Page.Locator("body").InnerTextAsync(),
            };
            Assert.Contains(payload.Text.TrimEnd('®').Replace(" Invented study.", "", StringComparison.Ordinal), shown, StringComparison.Ordinal);
        }

        watch.AssertNothingRan();
    }

    [Fact]
    public async Task Payloads_typed_into_the_search_box_stay_text()
    {
        var watch = await WatchedPageAsync();
        await watch.VisitAsync("/search");
        var box = watch.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search letters" });
        foreach (var payload in XssCorpus.All.Where(p => p.Place == XssPlace.SearchText))
        {
            await box.FillAsync(payload.Text);
            await watch.Page.WaitForTimeoutAsync(400); // the suggestions answer as you type
            await box.PressAsync("Enter");
            await watch.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await watch.CheckDomAsync(payload.ToString());
        }

        watch.AssertNothingRan();
    }

    [Fact]
    public async Task The_watch_sees_a_payload_that_does_run()
    {
        var watch = await WatchedPageAsync();
        await watch.VisitAsync("/");

        await watch.Page.SetContentAsync("<img src=x onerror=\"alert('xss')\"><a href=\"javascript:alert('xss')\">x</a><img src=\"https://xss.invalid/p.png\">");
        await watch.Page.WaitForTimeoutAsync(300);
        await watch.CheckDomAsync("injected markup");

        Assert.Contains(watch.Ran, r => r.StartsWith("dialog 'xss'", StringComparison.Ordinal));
        Assert.Contains(watch.Ran, r => r.StartsWith("IMG onerror", StringComparison.Ordinal));
        Assert.Contains(watch.Ran, r => r.StartsWith("A href=javascript:", StringComparison.Ordinal));
        Assert.Contains(watch.Ran, r => r.StartsWith("request to https://xss.invalid/", StringComparison.Ordinal));
    }

    private async Task<PageWatch> WatchedPageAsync()
    {
        var page = await browser.NewPageAsync(bypassCsp: true, baseUrl: corpus.BaseUrl);
        var watch = new PageWatch(page, corpus.BaseUrl);
        await watch.StartAsync();
        return watch;
    }

    /// <summary>A page with every way a payload could show that it ran: dialogs, requests leaving the portal, live markup.</summary>
    private sealed class PageWatch(IPage page, string baseUrl)
    {
        private readonly List<string> ran = [];

        public IPage Page => page;

        public int Visited { get; private set; }

        public async Task StartAsync()
        {
            page.Dialog += async (_, dialog) =>
            {
                ran.Add($"dialog '{dialog.Message}' on {page.Url}");
                await dialog.DismissAsync();
            };
            await page.Context.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                    return;
                }

                ran.Add($"request to {route.Request.Url} from {page.Url}");
                await route.AbortAsync();
            });
        }

        public async Task VisitAsync(string path)
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            Visited++;

            // Hovering and focusing every element would fire onmouseover/onfocus handlers if any had got in.
            await page.EvaluateAsync("() => document.querySelectorAll('a, td, th, h1, h2, li, span, p').forEach(el => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })))");
            await CheckDomAsync(path);
        }

        public async Task CheckDomAsync(string where)
        {
            var live = await page.EvaluateAsync<JsonElement>(LiveMarkupScript);
            foreach (var item in live.EnumerateArray())
            {
                ran.Add($"{item.GetString()} on {where}");
            }
        }

        public IReadOnlyList<string> Ran => ran;

        public void AssertNothingRan() => Assert.True(ran.Count == 0, string.Join('\n', ran.Distinct().Take(40)));
    }

    /// <summary>
    /// The corpus's content payloads read by the importer's reader, and a portal whose content is the sample letter
    /// plus every payload letter that was accepted. One per test class.
    /// </summary>
    public sealed class CorpusPortal : IAsyncLifetime
    {
        private XssPortal portal = null!;

        public List<XssPayload> Accepted { get; } = [];

        public List<XssPayload> Refused { get; } = [];

        public string BaseUrl { get; private set; } = string.Empty;

        public Task InitializeAsync()
        {
            var letters = new Dictionary<string, string>();
            foreach (var payload in XssCorpus.All.Where(p => p.IsContent))
            {
                var text = XssCorpus.Letter(payload);
                var result = LetterReader.Read($"xss/{payload.LetterId}.md", text);
                (result.Letter is null ? Refused : Accepted).Add(payload);
                if (result.Letter is not null)
                {
                    letters[$"xss/{payload.LetterId}.md"] = text;
                }
            }

            portal = new XssPortal(letters);
            BaseUrl = BrowserFixture.StartOnKestrel(portal);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await portal.DisposeAsync();
    }

    /// <summary>The portal with the corpus's letters beside the sample content.</summary>
    private sealed class XssPortal : PortalFactory
    {
        public XssPortal(IReadOnlyDictionary<string, string> letters)
        {
            foreach (var (relativePath, text) in letters)
            {
                var path = Path.Combine(ContentDirectory, relativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
        }
    }
}
