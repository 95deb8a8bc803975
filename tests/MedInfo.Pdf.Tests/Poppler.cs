using System.Diagnostics;

namespace MedInfo.Pdf.Tests;

/// <summary>poppler-utils (Debian), run on a PDF: what a reader's tools see in the file.</summary>
public static class Poppler
{
    public static async Task<string> TextAsync(byte[] pdf, bool layout = false) =>
        await RunAsync("pdftotext", pdf, layout ? ["-layout"] : []);

    /// <summary>The PDF's tag tree as pdfinfo prints it (one element a line, indented by depth); with its text leaves when asked.</summary>
    public static Task<string> StructureAsync(byte[] pdf, bool withText = false) =>
        RunAsync("pdfinfo", pdf, [withText ? "-struct-text" : "-struct"], writesToStdout: true);

    /// <summary>pdfinfo's fields ("Pages", "Tagged", "Title", ...).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> InfoAsync(byte[] pdf)
    {
        var text = await RunAsync("pdfinfo", pdf, [], writesToStdout: true);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, string[] options, bool writesToStdout = false)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            start.ArgumentList.Add(file);
            if (!writesToStdout)
            {
                start.ArgumentList.Add("-");
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils)");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
