using MedInfo.Import;

namespace MedInfo.Web.Components.Pages.Editing;

/// <summary>The outcome of the portal's last content import: for /healthz, and for editors while they write.</summary>
public sealed class ContentImportStatus
{
    private volatile ImportReport? last;
    private long generation;

    public ImportReport? Last => last;

    /// <summary>Counts imports in this process, good or failed: an open page reloads when it changes (Development).</summary>
    public long Generation => Interlocked.Read(ref generation);

    public void Record(ImportReport report)
    {
        last = report;
        Interlocked.Increment(ref generation);
    }
}
