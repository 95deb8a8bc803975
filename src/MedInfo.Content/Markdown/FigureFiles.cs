using MedInfo.Letters;

namespace MedInfo.Content.Markdown;

/// <summary>A figure's image as read for a letter: where it is in the content folder and its bytes.</summary>
/// <param name="ContentPath">Path inside the content folder, with '/' separators.</param>
public sealed record FigureFileRead(string? ContentPath, byte[]? Bytes, string? Problem);

/// <summary>The image files a letter may name: those in its own folder or below it, inside the content folder.</summary>
public interface IFigureFiles
{
    /// <summary>Reads the file a letter names (relative to the letter's folder); a problem instead when it cannot.</summary>
    FigureFileRead Read(string nameInLetter);
}

/// <summary>The files beside a letter in a content folder on disk.</summary>
public sealed class FolderFigureFiles(string contentRoot, string letterRelativePath) : IFigureFiles
{
    /// <summary>The largest image file read: a figure is a chart or a diagram, not a photograph archive.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public FigureFileRead Read(string nameInLetter)
    {
        var root = Path.GetFullPath(contentRoot);
        var letterFolder = Path.GetDirectoryName(Path.Join(root, letterRelativePath)) ?? root;
        if (Path.IsPathRooted(nameInLetter) || nameInLetter.Contains('\\', StringComparison.Ordinal))
        {
            return new FigureFileRead(null, null, $"'{nameInLetter}' must be a path relative to the letter's folder, written with '/' (for example figures/response.png).");
        }

        var full = Path.GetFullPath(Path.Join(letterFolder, nameInLetter));
        var inside = Path.GetRelativePath(letterFolder, full);
        if (inside.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inside))
        {
            return new FigureFileRead(null, null, $"'{nameInLetter}' is outside the letter's folder; keep a figure's image in the letter's folder or a folder below it.");
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return new FigureFileRead(null, null, $"The image '{nameInLetter}' is not there (looked for {Path.GetRelativePath(root, full).Replace('\\', '/')} in the content folder).");
        }

        if (info.Length > MaxBytes)
        {
            return new FigureFileRead(null, null, $"The image '{nameInLetter}' is {info.Length / 1024} KB; a figure's image may be at most {MaxBytes / 1024 / 1024} MB.");
        }

        return new FigureFileRead(Path.GetRelativePath(root, full).Replace('\\', '/'), File.ReadAllBytes(full), null);
    }
}

/// <summary>An image a letter's figure shows: where it came from, what it is, and its bytes, for the store to keep.</summary>
public sealed record FigureFile(string ContentPath, FigureImage Image, byte[] Bytes);
