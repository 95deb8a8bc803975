using System.Diagnostics;
using System.Globalization;
using MedInfo.Bench;
using MedInfo.Bench.Paths;

// bench/run.sh runs this: every hot path against its peer, in one run, then the table.
var letters = ArgInt("--letters", 10_000);
var large = ArgInt("--large", 100_000);
var only = Arg("--only");
var workspace = new Workspace(Arg("--out") ?? Path.Combine("bench", "out"), letters);
var report = new Report();
var total = Stopwatch.StartNew();

Console.WriteLine($"MedInfo benchmarks: {letters:N0} letters ({large:N0} for search), {Environment.ProcessorCount} cores, {RuntimeInfo()}");
Console.WriteLine("Writing the synthetic corpus …");
var clock = Stopwatch.StartNew();
workspace.WriteCorpus();
Console.WriteLine($"  {letters:N0} letters in {clock.Elapsed.TotalSeconds:0.0} s → {workspace.Corpus}");

if (Wants("parse"))
{
    Console.WriteLine("Parse (BenchmarkDotNet) …");
    ParseBench.Run(report);
}

var store = workspace.Path("store-import");
var repository = Directory.GetCurrentDirectory();
if (Wants("import"))
{
    Console.WriteLine("Import …");
    store = await ImportBench.RunAsync(workspace, repository, report);
}

if (Wants("search"))
{
    Console.WriteLine("Search …");
    await SearchBench.RunAsync(workspace, store, repository, large, report);
}

if (Wants("postgres"))
{
    Console.WriteLine("PostgreSQL store …");
    await PostgreSqlBench.RunAsync(workspace, repository, report);
}

if (Wants("http"))
{
    Console.WriteLine("Letter page over HTTP (wrk) …");
    await HttpBench.RunAsync(workspace, repository, report);
}

if (Wants("pages"))
{
    Console.WriteLine("Home, product and health pages at scale …");
    await PagesBench.RunAsync(workspace, store, repository, report);
}

if (Wants("inbox"))
{
    Console.WriteLine("Staff inbox and request page …");
    await InboxBench.RunAsync(workspace, repository, ArgInt("--requests", 100_000), report);
}

if (Wants("pdf"))
{
    Console.WriteLine("PDF …");
    await PdfBench.RunAsync(workspace, repository, report);
}

if (Wants("pdf-memory"))
{
    Console.WriteLine("Chromium memory over many prints (about 8 minutes) …");
    await PdfMemoryBench.RunAsync(workspace, repository, ArgInt("--prints", 2_000), report);
}

if (Wants("cluster"))
{
    Console.WriteLine("Cluster: scripts/cluster.sh, nginx over two portals on PostgreSQL …");
    await ClusterBench.RunAsync(workspace, repository, report);
}

if (Wants("memory"))
{
    Console.WriteLine("Memory …");
    await MemoryBench.RunAsync(workspace, repository, store, report);
}

Console.WriteLine();
Console.WriteLine(report.ToMarkdown());
Console.WriteLine($"Total {total.Elapsed.TotalMinutes:0.0} min.");
await File.WriteAllTextAsync(workspace.Path("report.md"), report.ToMarkdown());
return report.Rows.All(r => r.Met) ? 0 : 1;

bool Wants(string path) => only is null || only.Split(',').Contains(path);

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int ArgInt(string name, int fallback) => Arg(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static string RuntimeInfo() => $".NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
