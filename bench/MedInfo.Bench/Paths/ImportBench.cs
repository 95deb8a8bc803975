using System.Diagnostics;
using System.Globalization;
using MedInfo.Store;
using MedInfo.Import;
using Microsoft.Data.Sqlite;

namespace MedInfo.Bench.Paths;

/// <summary>
/// Import of the synthetic corpus: cold into an empty store (once in this process, and as an editor runs it:
/// `medinfo import`, a new process), the same tree again (nothing to write), and one changed file among
/// them. Peer: Hugo (Debian's hugo) building the same Markdown bodies as a site, a new process too. Both processes
/// take a few seconds more or less from run to run on this machine, so the command and Hugo run by turns, three times
/// each, and the rows give each side's median with its range.
/// </summary>
public static class ImportBench
{
    public static async Task<string> RunAsync(Workspace workspace, string repository, Report report)
    {
        var store = workspace.Path("store-import");
        if (Directory.Exists(store))
        {
            Directory.Delete(store, recursive: true);
        }

        var factory = StoreSetup.CreateFactory(StoreLocation.ConnectionString(Directory.CreateDirectory(store).FullName));
        await StoreSetup.MigrateAsync(factory);
        var importer = new LetterImporter(factory, TimeProvider.System, new StoreChanges());

        WriteBack();
        var cold = await TimeAsync(() => importer.ImportAsync(workspace.Corpus));
        Check(cold.Report);
        var unchanged = await TimeAsync(() => importer.ImportAsync(workspace.Corpus));
        var one = Directory.EnumerateFiles(workspace.Corpus, "*.md", SearchOption.AllDirectories).First();
        var text = await File.ReadAllTextAsync(one);
        await File.WriteAllTextAsync(one, text.Replace("Variant 0.", "Variant 1.", StringComparison.Ordinal));
        var changed = await TimeAsync(() => importer.ImportAsync(workspace.Corpus));
        SqliteConnection.ClearAllPools();

        var medinfo = Path.Combine(PublishCommand(workspace, repository), "medinfo.dll");
        var site = WriteHugoSite(workspace);
        // Each run starts with nothing of the last one's output still being written to disk.
        var runs = await Turns.RunAsync(
            () => Task.FromResult(AfterWriteBack(() => CommandImport(workspace, medinfo))),
            () => Task.FromResult(AfterWriteBack(() => HugoBuild(site))));
        var (command, commandText) = Median(runs[0]);
        var (hugo, hugoText) = Median(runs[1]);

        var perSecond = workspace.Letters / cold.Seconds;
        var hugoPerSecond = workspace.Letters / hugo;
        var peer = $"Hugo {Report.Number(hugoPerSecond, "pages/s")} ({hugoText})";
        report.Add(new BenchRow($"Import {workspace.Letters:N0} letters, cold (in the bench's process, once)", Report.Number(perSecond, "letters/s") + $" ({cold.Seconds:0.0} s)",
            peer, Report.Times(perSecond / hugoPerSecond) + " speed",
            ">= 500 letters/s and >= 1x Hugo", perSecond >= 500 && perSecond >= hugoPerSecond));
        var commandPerSecond = workspace.Letters / command;
        report.Add(new BenchRow($"Import {workspace.Letters:N0} letters, cold, `medinfo import` (a new process, published)", Report.Number(commandPerSecond, "letters/s") + $" ({commandText})",
            peer, Report.Times(commandPerSecond / hugoPerSecond) + " speed",
            ">= 500 letters/s and >= 1x Hugo", commandPerSecond >= 500 && commandPerSecond >= hugoPerSecond));
        report.Add(new BenchRow($"Re-import {workspace.Letters:N0} unchanged", $"{unchanged.Seconds:0.00} s", string.Empty, string.Empty, "< 3 s", unchanged.Seconds < 3));
        report.Add(new BenchRow($"Import 1 changed file in {workspace.Letters:N0}", $"{changed.Seconds:0.00} s", string.Empty, string.Empty, "< 0.5 s",
            changed.Seconds < 0.5 && changed.Report.Written && changed.Report.NewVersions == 1));
        return store;
    }

    private static void Check(ImportReport report)
    {
        if (!report.Written || report.Diagnostics.Any(d => d.IsError))
        {
            throw new InvalidOperationException("The synthetic corpus did not import:\n" + string.Join('\n', report.Diagnostics.Take(10)));
        }
    }

    private static async Task<(double Seconds, ImportReport Report)> TimeAsync(Func<Task<ImportReport>> import)
    {
        var clock = Stopwatch.StartNew();
        var result = await import();
        return (clock.Elapsed.TotalSeconds, result);
    }

    /// <summary>`sync`: what earlier runs wrote goes to disk now, not while the next run is timed.</summary>
    internal static void WriteBack() => RunToEnd(new ProcessStartInfo("sync"));

    /// <summary>A timed run after <see cref="WriteBack"/>.</summary>
    internal static double AfterWriteBack(Func<double> run)
    {
        WriteBack();
        return run();
    }

    /// <summary>The median of the turns' seconds, and how to say it: "10.1 s, median of 3: 9.8-10.4 s".</summary>
    internal static (double Seconds, string Text) Median(List<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        var median = sorted[sorted.Count / 2];
        return (median, $"{median:0.0} s, median of {sorted.Count}: {sorted[0]:0.0}-{sorted[^1]:0.0} s");
    }

    /// <summary>`medinfo import` of the corpus into a new data folder, as deployed (docs/deploy.md: published, so
    /// compiled ahead of time): wall time of the process. Into the SQLite store there, or into the (empty) PostgreSQL
    /// database <paramref name="postgres"/> names.</summary>
    internal static double CommandImport(Workspace workspace, string medinfo, string? postgres = null)
    {
        var data = workspace.Path("store-import-command");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet", [medinfo, "import", workspace.Corpus, "--data", data]);
        start.Environment.Remove(MedInfoEnvironment.PostgreSql);
        if (postgres is not null)
        {
            start.Environment[MedInfoEnvironment.PostgreSql] = postgres;
        }

        var (exitCode, output, seconds) = RunToEnd(start);
        if (exitCode != 0 || !output.Contains($"{workspace.Letters} new letters", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"medinfo import failed ({exitCode}): {output}");
        }

        Directory.Delete(data, recursive: true);
        return seconds;
    }

    /// <summary>`dotnet publish` of the command line into the workspace, as docs/deploy.md has it installed.</summary>
    internal static string PublishCommand(Workspace workspace, string repository)
    {
        var output = workspace.Path("medinfo-published");
        var project = Path.Combine(repository, "src", "MedInfo.Cli");
        var (exitCode, log, _) = RunToEnd(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"]));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of {project} failed: {log}");
        }

        return output;
    }

    /// <summary>A Hugo site of the same bodies (front matter reduced to what Hugo reads).</summary>
    private static string WriteHugoSite(Workspace workspace)
    {
        var site = workspace.Path("hugo-site");
        if (Directory.Exists(site))
        {
            Directory.Delete(site, recursive: true);
        }

        var content = Directory.CreateDirectory(Path.Combine(site, "content", "letters")).FullName;
        var layouts = Directory.CreateDirectory(Path.Combine(site, "layouts", "_default")).FullName;
        File.WriteAllText(Path.Combine(site, "config.toml"), "baseURL = 'http://localhost/'\ntitle = 'bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n");
        File.WriteAllText(Path.Combine(layouts, "single.html"), "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>");
        File.WriteAllText(Path.Combine(layouts, "list.html"), "<!DOCTYPE html><html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>");
        foreach (var file in Directory.EnumerateFiles(workspace.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            var title = text.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal))[6..].Trim().Replace("'", "''", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(content, Path.GetFileName(file)), $"---\ntitle: '{title}'\n---\n" + text[(end + 5)..]);
        }

        return site;
    }

    /// <summary>Hugo's build of the site into an empty folder: wall time of the process.</summary>
    private static double HugoBuild(string site)
    {
        var destination = Path.Combine(site, "public");
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        var (exitCode, output, seconds) = RunToEnd(new ProcessStartInfo("hugo", ["--quiet", "--source", site, "--destination", destination]));
        if (exitCode != 0)
        {
            throw new InvalidOperationException("hugo failed: " + output);
        }

        return seconds;
    }

    /// <summary>Runs a program to its end: its exit code, what it wrote (output, then errors) and its wall time.</summary>
    private static (int ExitCode, string Output, double Seconds) RunToEnd(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        return (process.ExitCode, output.Result + error.Result, seconds);
    }
}
