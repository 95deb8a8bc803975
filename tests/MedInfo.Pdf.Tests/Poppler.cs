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

    /// <summary>The images embedded in the PDF (pdfimages -list): each one's width and height in pixels.</summary>
    public static async Task<IReadOnlyList<(int Width, int Height)>> ImagesAsync(byte[] pdf)
    {
        var text = await RunAsync("pdfimages", pdf, ["-list"], writesToStdout: true);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(cells => (int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Writes the PDF's first pages as PNG images (pdftoppm), for reviewing the print by eye.</summary>
    public static async Task SavePageImagesAsync(byte[] pdf, string directory, string name, int pages = 2)
    {
        Directory.CreateDirectory(directory);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var argument in new[] { "-png", "-r", "70", "-f", "1", "-l", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), file, Path.Combine(directory, name) })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start (apt-get install poppler-utils)");
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftoppm failed: {await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            File.Delete(file);
        }
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
