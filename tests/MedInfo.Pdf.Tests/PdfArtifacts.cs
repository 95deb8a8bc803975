using MedInfo.Content.Tests;

namespace MedInfo.Pdf.Tests;

/// <summary>Keeps the PDFs the tests made in artifacts/pdf/, for a person to open and review.</summary>
public static class PdfArtifacts
{
    public static async Task SaveAsync(string name, byte[] pdf)
    {
        var directory = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts", "pdf")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(directory, name + ".pdf"), pdf);
    }
}
