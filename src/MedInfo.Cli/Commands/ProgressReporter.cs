using System.Globalization;

namespace MedInfo.Cli.Commands;

/// <summary>
/// Shows how many files have been read, on the error stream so it never mixes with the report. On a terminal it
/// rewrites one line; in a log it prints a line every 1000 files. Small trees (under 100 files) show nothing.
/// </summary>
internal sealed class ProgressReporter(TextWriter writer, bool isTerminal) : IProgress<int>
{
    private const int ShowFrom = 100;
    private readonly Lock gate = new();
    private int lastShown;

    public int Total { get; set; }

    public static ProgressReporter For(TextWriter error) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(int value)
    {
        if (value < ShowFrom)
        {
            return;
        }

        lock (gate)
        {
            if (isTerminal)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"\rRead {value} files..."));
            }
            else if (value / 1000 > lastShown / 1000)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Read {value} files..."));
            }

            lastShown = value;
        }
    }
}
