using MedInfo.Content.Diagnostics;

namespace MedInfo.Import;

/// <summary>What an import run did. When <see cref="Written"/> is false, the store was not touched.</summary>
public sealed record ImportReport(
    int FilesRead,
    int NewLetters,
    int NewVersions,
    int Unchanged,
    int Retired,
    IReadOnlyList<Diagnostic> Diagnostics,
    bool Written)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public string Summary => Written
        ? $"Imported {FilesRead} files: {NewLetters} new letters, {NewVersions} new versions of existing letters, {Unchanged} unchanged, {Retired} retired."
        : $"Nothing was written: {Diagnostics.Count(d => d.IsError)} errors in {FilesRead} files. Every letter stays at its last good version.";
}
