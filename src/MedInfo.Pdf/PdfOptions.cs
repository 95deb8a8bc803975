namespace MedInfo.Pdf;

/// <summary>How the PDF engine runs. Defaults suit a 2-core server.</summary>
public sealed class PdfOptions
{
    public const string Section = "MedInfo:Pdf";

    /// <summary>Debian's chromium package; configuration (or MEDINFO_CHROMIUM) can point elsewhere.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// Start Chromium (and one print page) in the background as soon as the portal's store is ready, while the
    /// portal finishes starting, so the first reader's PDF does not wait for it. (The command line starts it only
    /// when it prints.)
    /// </summary>
    public bool StartWithPortal { get; set; } = true;

    /// <summary>PDFs printed at once; more wait in the queue.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>
    /// Documents one print page prints before it is closed and a fresh one takes its place: a renderer keeps some
    /// of every document it showed, so a page kept for good grows without end.
    /// </summary>
    public int PrintsPerPage { get; set; } = 100;

    /// <summary>How long a request waits for a free slot before it is told the engine is busy.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one document may take to print.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Where printed letters are kept by version (data/pdf-cache).</summary>
    public string CacheDirectory { get; set; } = string.Empty;

    /// <summary>The PDF cache's folder inside a data folder.</summary>
    public static string CacheDirectoryIn(string dataDirectory) => Path.Combine(dataDirectory, "pdf-cache");

    /// <summary>The cover letter template of response packages (content/templates/cover-letter.md).</summary>
    public string CoverLetterTemplatePath { get; set; } = string.Empty;
}
