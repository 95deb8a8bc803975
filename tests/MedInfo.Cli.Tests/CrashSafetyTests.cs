using MedInfo.Letters;
using System.Diagnostics;
using MedInfo.Content.Tests;
using MedInfo.Store;
using MedInfo.Store.Reading;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace MedInfo.Cli.Tests;

/// <summary>
/// Crash safety: <c>medinfo import</c> is killed with SIGKILL at random points of a large import, again and again,
/// while readers keep reading. After every kill the store opens, passes PRAGMA integrity_check, and holds every
/// letter at its last good version (all of a run, or none of it); readers never saw an error.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The importer prints "Read 1000 files..." (to a log, every 1000 files): with this many, that line means reading is done and writing starts.</summary>
    private const int LetterCount = 1000;
    private const int Kills = 22;

    private readonly string data = Directory.CreateTempSubdirectory("medinfo-crash-").FullName;

    private string Content => Path.Combine(data, "content");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Killing_the_importer_at_random_points_never_corrupts_the_store_or_loses_a_good_version()
    {
        WriteRound(0);
        Assert.Equal(0, (await CliRun.RunAsync("import", Content, "--data", data)).ExitCode);
        var factory = StoreSetup.CreateFactory(StoreLocation.ConnectionString(data));
        var catalog = new LetterCatalog(factory, new StoreChanges());

        // How long a whole import takes as its own process with readers reading, and how long its write phase is
        // (from the first write to the WAL file until exit).
        WriteRound(1);
        var (span, writeSpan) = await TimeImportAsync(catalog);
        var lastGood = 1;
        var (midWrite, atRest) = (0, 0);
        var random = new Random(20261124);
        for (var round = 2; round < 2 + Kills; round++)
        {
            WriteRound(round);
            using var stopReading = new CancellationTokenSource();
            var readers = ReadContinuouslyAsync(catalog, stopReading.Token);
            var (import, readingDone) = StartImport();
            using var process = import;

            // Half the kills land anywhere in the run (start-up, reading files, writing); the other half after the
            // files are read, inside the write phase, the moment a torn store would come from.
            var inWrite = round % 2 == 0;
            var writing = inWrite && await Task.WhenAny(readingDone, import.WaitForExitAsync()) == readingDone;
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * (inWrite ? writeSpan : span).TotalMilliseconds));
            var finished = import.HasExited;
            import.Kill(entireProcessTree: true); // SIGKILL on Linux: no finally blocks, no disposal
            await import.WaitForExitAsync();
            await stopReading.CancelAsync();
            var reads = await readers;

            Assert.Equal("ok", await IntegrityCheckAsync());
            var rounds = await CurrentRoundsAsync(factory);
            Assert.Equal(LetterCount, rounds.Count);
            var now = Assert.Single(rounds.Values.Distinct()); // all of a run, or none of it
            Assert.True(now == lastGood || now == round, $"Round {round}: letters are at round {now}, last good was {lastGood}.");
            if (finished)
            {
                Assert.Equal(round, now);
            }

            midWrite += writing && !finished ? 1 : 0;
            atRest += now == lastGood ? 1 : 0;
            output.WriteLine($"round {round}: killed {(finished ? "after it exited" : writing ? "after reading, while writing" : "at a random point")}, store at round {now}, {reads} reads without error");
            lastGood = now;
        }

        output.WriteLine($"{Kills} kills (import {span.TotalMilliseconds:F0} ms, after reading {writeSpan.TotalMilliseconds:F0} ms): {midWrite} after reading and before exit, {atRest} left the last good run in place.");

        // The test must have killed imports in their write phase, or it did not exercise the crash.
        Assert.True(midWrite >= Kills / 4, $"only {midWrite} kills landed after reading and before exit");

        // And the store still imports normally afterwards.
        WriteRound(99);
        Assert.Equal(0, (await CliRun.RunAsync("import", Content, "--data", data)).ExitCode);
        Assert.All((await CurrentRoundsAsync(factory)).Values, r => Assert.Equal(99, r));
    }

    // The first import into a new store writes straight into the file under SQLite's rollback journal (nobody else
    // has the file open, so nothing holds it in WAL): a kill there must leave an empty store, never a torn one, and the
    // next import must fill it and leave it in WAL.
    [Fact]
    public async Task Killing_the_first_import_into_a_new_store_leaves_it_empty_and_whole_and_the_next_import_fills_it()
    {
        WriteRound(1);
        var firstLoads = 0;
        for (var round = 0; round < 6; round++)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(data, StoreLocation.FileName + "*"))
            {
                File.Delete(file);
            }

            var (import, readingDone) = StartImport();
            using var process = import;
            var writing = await Task.WhenAny(readingDone, import.WaitForExitAsync()) == readingDone;
            // Under WAL an open store always has its -wal file beside it; the rollback journal has none.
            firstLoads += writing && !import.HasExited && !File.Exists(Path.Combine(data, StoreLocation.FileName + "-wal")) ? 1 : 0;
            await Task.Delay(TimeSpan.FromMilliseconds(50 + 150 * round));
            var finished = import.HasExited;
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();

            Assert.Equal("ok", await IntegrityCheckAsync());
            var factory = StoreSetup.CreateFactory(StoreLocation.ConnectionString(data));
            var letters = (await CurrentRoundsAsync(factory)).Count;
            Assert.True(letters == 0 || letters == LetterCount, $"Round {round}: {letters} letters after the kill.");
            if (finished)
            {
                Assert.Equal(LetterCount, letters);
            }

            output.WriteLine($"round {round}: killed {(finished ? "after it exited" : writing ? "after reading" : "before reading ended")}, {letters} letters");
            Assert.Equal(0, (await CliRun.RunAsync("import", Content, "--data", data)).ExitCode);
            Assert.All((await CurrentRoundsAsync(factory)).Values, r => Assert.Equal(1, r));
            Assert.Equal(LetterCount, (await CurrentRoundsAsync(factory)).Count);
            Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
        }

        // The kills must have landed in first loads written under the rollback journal, or this tested nothing new.
        Assert.True(firstLoads >= 3, $"only {firstLoads} kills landed in a first load under the rollback journal");
    }

    private async Task<(TimeSpan Import, TimeSpan WritePhase)> TimeImportAsync(LetterCatalog catalog)
    {
        using var stopReading = new CancellationTokenSource();
        var readers = ReadContinuouslyAsync(catalog, stopReading.Token);
        var timer = Stopwatch.StartNew();
        var (import, readingDone) = StartImport();
        using var process = import;
        await readingDone.WaitAsync(TimeSpan.FromMinutes(2));
        var writeStarted = timer.Elapsed;
        await import.WaitForExitAsync();
        var total = timer.Elapsed;
        await stopReading.CancelAsync();
        await readers;
        Assert.Equal(0, import.ExitCode);
        return (total, total - writeStarted);
    }

    /// <summary>Every letter's text names the round, so the store shows which run each letter came from.</summary>
    private void WriteRound(int round)
    {
        Directory.CreateDirectory(Content);
        for (var i = 0; i < LetterCount; i++)
        {
            File.WriteAllText(Path.Combine(Content, $"letter-{i:D4}.md"),
                SyntheticLetters.Letter($"crash-letter-{i:D4}", sentence: $"Examplumab wording of round {round}."));
        }
    }

    /// <summary>Starts <c>medinfo import</c> as its own process; the task completes when it has read every file.</summary>
    private (Process Import, Task ReadingDone) StartImport()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "medinfo.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { cli, "import", Content, "--data", data },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var readingDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith($"Read {LetterCount} files", StringComparison.Ordinal) == true)
            {
                readingDone.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { }; // drained, so a full pipe never blocks the importer
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return (process, readingDone.Task);
    }

    /// <summary>Reads letters and their history until stopped; any error (a locked or torn store) fails the test.</summary>
    private static async Task<int> ReadContinuouslyAsync(LetterCatalog catalog, CancellationToken stop)
    {
        await Task.Yield();
        var reads = 0;
        var random = new Random(reads);
        while (!stop.IsCancellationRequested)
        {
            var id = $"crash-letter-{random.Next(LetterCount):D4}";
            var current = await catalog.GetCurrentAsync(Readership.HealthcareProfessional, id, CancellationToken.None);
            Assert.NotNull(current);
            Assert.NotEmpty(await catalog.ListVersionsAsync(Readership.HealthcareProfessional, id, CancellationToken.None));
            reads++;

            // Steady reader traffic, not a loop that takes a core from the importer.
            await Task.Delay(2, CancellationToken.None);
        }

        return reads;
    }

    private Task<string> IntegrityCheckAsync() => ScalarAsync("PRAGMA integrity_check;");

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, StoreLocation.FileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Letter id → the round named in its current version's text.</summary>
    private static async Task<Dictionary<string, int>> CurrentRoundsAsync(IDbContextFactory<MedInfo.Store.MedInfoDb> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var texts = await db.Letters.Where(l => !l.IsRetired)
            .Select(l => new { l.Id, l.CurrentVersion!.SourceText })
            .ToListAsync();
        return texts.ToDictionary(t => t.Id, t => RoundOf(t.SourceText));
    }

    private static int RoundOf(string text)
    {
        const string marker = "wording of round ";
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return int.Parse(text[start..text.IndexOf('.', start)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
