using System.Globalization;
using MedInfo.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedInfo.Bench.Paths;

/// <summary>
/// Chromium's memory over many prints of the seed letter by the engine (two at a time, as the portal prints): the
/// proportional set size of every process the engine started (Playwright's driver, Chromium and its renderers), so
/// pages shared between them count once. Ours recycles each print page after <see cref="PdfOptions.PrintsPerPage"/>
/// documents; the peer is the same engine keeping its pages for good, over fewer prints.
/// </summary>
public static class PdfMemoryBench
{
    /// <summary>Where memory is read, in prints (and after the last).</summary>
    private static readonly int[] Marks = [100, 200, 500, 1000, 1500, 2000, 3000, 5000];

    public static async Task RunAsync(Workspace workspace, string repository, int prints, Report report)
    {
        var (provider, _, html) = await PdfBench.SeedLetterAsync(workspace, repository, "store-pdf-memory");
        await using var _ = provider;
        var recycled = provider.GetRequiredService<IOptions<PdfOptions>>().Value;

        var ours = await PrintManyAsync(recycled, html, prints, provider);
        var kept = await PrintManyAsync(new PdfOptions { PrintsPerPage = int.MaxValue }, html, Math.Min(prints, 500), provider);
        string Curve(IReadOnlyList<(int Prints, double Megabytes)> points) =>
            string.Join(", ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Megabytes:0} MB at {p.Prints:N0}")));

        // A page's renderer holds a few hundred megabytes while it is open and nothing once closed, so the samples
        // saw-tooth with recycling: the highest after the first 200 prints against the highest before says whether
        // memory keeps rising.
        double Rise(IReadOnlyList<(int Prints, double Megabytes)> points) =>
            points.Where(p => p.Prints > 200).Max(p => p.Megabytes) / points.Where(p => p.Prints <= 200).Max(p => p.Megabytes);

        var rise = Rise(ours);
        report.Add(new BenchRow($"Chromium memory (PSS) over {prints:N0} prints of the seed letter (pages recycled every {recycled.PrintsPerPage})",
            $"{Curve(ours)}; highest after 200 prints {Report.Times(rise)} the highest before",
            $"pages kept for good: {Curve(kept)}; {Report.Times(Rise(kept))}",
            string.Empty, "flat: highest after 200 prints <= 1.1x the highest before", rise <= 1.1));
    }

    private static async Task<List<(int Prints, double Megabytes)>> PrintManyAsync(PdfOptions options, string html, int prints, IServiceProvider provider)
    {
        options.ChromiumPath = provider.GetRequiredService<IOptions<PdfOptions>>().Value.ChromiumPath;
        await using var engine = new ChromiumPdfEngine(Options.Create(options), provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ChromiumPdfEngine>>());
        var frame = new PageFrame("DARZALEX FASPRO® (daratumumab and hyaluronidase-fihj)", "For US healthcare professionals only.");
        var info = new DocumentInfo("t", "a", "s", []);
        var points = new List<(int, double)>();
        var done = 0;
        var marks = Marks.Where(m => m < prints).Append(prints).ToArray();
        foreach (var mark in marks)
        {
            var batch = mark - done;
            await Parallel.ForEachAsync(Enumerable.Range(0, batch), new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency },
                async (_, cancel) => await engine.PrintAsync(html, frame, info, cancel));
            done = mark;
            points.Add((mark, ChildrenMegabytes()));
        }

        return points;
    }

    /// <summary>The proportional set size of every process below this one (the engine's driver and Chromium).</summary>
    private static double ChildrenMegabytes()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && File.Exists(Path.Combine(dir, "stat")))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The process ended while being read.
                }
            }
        }

        var self = Environment.ProcessId;
        bool Below(int pid)
        {
            for (var p = pid; parents.TryGetValue(p, out var parent) && p > 1; p = parent)
            {
                if (parent == self)
                {
                    return true;
                }
            }

            return false;
        }

        double kilobytes = 0;
        foreach (var pid in parents.Keys.Where(Below))
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                kilobytes += line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return kilobytes / 1024;
    }
}
