using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedInfo.Bench.Corpus;
using MedInfo.Content;

namespace MedInfo.Bench.Paths;

/// <summary>Markdown to letter model: our full read (front matter, extensions, checks, model) vs bare Markdig parsing.</summary>
public static class ParseBench
{
    public static void Run(Report report)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1))
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .AddLogger(BenchmarkDotNet.Loggers.NullLogger.Instance)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<ParseCases>(config);
        double Mean(string method) => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics!.Mean / 1e6;
        var ours = Mean(nameof(ParseCases.LetterReaderRead));
        var peer = Mean(nameof(ParseCases.MarkdigParse));
        report.Add(new BenchRow($"Parse one letter ({ParseCases.Text.Length / 1024} KB)", Report.Ms(ours), $"Markdig {Report.Ms(peer)}",
            Report.Times(ours / peer) + " time", "<= 3x Markdig", ours / peer <= 3));
    }
}

[MemoryDiagnoser]
public class ParseCases
{
    /// <summary>A typical synthetic letter (3 study cards, 3 tables).</summary>
    public static string Text { get; } = CorpusGenerator.Letter(new Random(7), 7, new SyntheticProduct("ZORVELTRAN7®", "zorveltranmab-7", "zorveltran7"));

    private readonly string text = Text;

    [Benchmark(Baseline = true)]
    public object MarkdigParse() => Markdig.Markdown.Parse(text);

    [Benchmark]
    public object? LetterReaderRead() => LetterReader.Read("letter.md", text).Letter;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Text.Length}");
}
