using CsCheck;
using MedInfo.Content.Diagnostics;

namespace MedInfo.Content.Tests.Robustness;

/// <summary>
/// Property-based tests: whatever an editor's tool saves (or a stray binary), reading it ends, in bounded time, in
/// either a letter or errors that name the file and a line inside it. Never an exception, never a hang.
/// 10,500 files in all; a failure prints CsCheck's seed to replay it.
/// </summary>
public sealed class ReaderFuzzTests
{
    /// <summary>A letter reads in about a millisecond; this bound only trips on a hang or a runaway (quadratic) parse.</summary>
    private static readonly TimeSpan PerFileBound = TimeSpan.FromSeconds(10);

    private const string Path = "content/synthetic/fuzzed.md";

    [Fact]
    public void Generated_letters_read_to_a_letter_or_to_errors_inside_the_file()
    {
        var outcomes = new Outcomes();
        Gen.OneOf(LetterGen.Letter, LetterGen.LetterWithSlips).Sample(text => outcomes.Add(ReadChecked(text)), iter: 3_000, print: Excerpt);

        // Both paths, in volume: well-formed letters come out as letters, and most slips are caught.
        Assert.True(outcomes.Letters > 1_000 && outcomes.Refused > 600, outcomes.ToString());
    }

    [Fact]
    public void Generated_letters_mutated_towards_the_hostile_never_throw_or_hang()
    {
        var outcomes = new Outcomes();
        LetterGen.Mutated(LetterGen.Letter).Sample(text => outcomes.Add(ReadChecked(text)), iter: 3_000, print: Excerpt);
        Assert.Equal(3_000, outcomes.Letters + outcomes.Refused);
    }

    [Fact]
    public void The_real_letter_mutated_never_throws_or_hangs()
    {
        var seed = File.ReadAllText(RepositoryPaths.SeedMarkdown);
        Assert.NotNull(ReadChecked(seed));

        var outcomes = new Outcomes();
        LetterGen.Mutated(Gen.Const(seed)).Sample(text => outcomes.Add(ReadChecked(text)), iter: 3_000, print: Excerpt);

        // Some mutations leave the letter valid (an extra blank line, odd text in a sentence), most break it.
        Assert.True(outcomes.Letters > 0 && outcomes.Refused > 0, outcomes.ToString());
    }

    [Fact]
    public void Binary_noise_is_refused_with_a_message_at_the_top()
    {
        LetterGen.BinaryNoise.Sample(text =>
        {
            var letter = ReadChecked(text);
            Assert.Null(letter);
        }, iter: 1_500, print: Excerpt);
    }

    /// <summary>Reads with a time bound and checks the outcome; returns the letter, or null when the file was refused.</summary>
    private static Letters.Letter? ReadChecked(string text)
    {
        var read = Task.Run(() => LetterReader.Read(Path, text));
        if (!read.Wait(PerFileBound))
        {
            throw new TimeoutException($"Reading a {text.Length}-character file took over {PerFileBound.TotalSeconds} s.");
        }

        var result = read.Result;
        var lines = SourceLines.Of(text).Count();
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.Equal(Path, diagnostic.Path);
            Assert.True(diagnostic.Line >= 1 && diagnostic.Line <= lines, $"{diagnostic} is outside the file's {lines} lines");
            Assert.True(diagnostic.Column >= 1, diagnostic.ToString());
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), diagnostic.ToString());
        }

        if (result.Letter is null)
        {
            Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
        }
        else
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            Assert.False(string.IsNullOrWhiteSpace(result.Letter.Metadata.Id));
            Assert.False(string.IsNullOrWhiteSpace(result.Letter.Metadata.Title));
        }

        return result.Letter;
    }

    private static string Excerpt(string text) =>
        text.Length <= 2_000 ? text : $"{text[..1_000]}\n[... {text.Length - 2_000} characters ...]\n{text[^1_000..]}";

    /// <summary>How many files came out as letters and how many were refused, counted across CsCheck's threads.</summary>
    private sealed class Outcomes
    {
        private int letters;
        private int refused;

        public int Letters => letters;

        public int Refused => refused;

        public void Add(Letters.Letter? letter) => Interlocked.Increment(ref letter is null ? ref refused : ref letters);

        public override string ToString() => $"{Letters} letters, {Refused} refused";
    }
}
