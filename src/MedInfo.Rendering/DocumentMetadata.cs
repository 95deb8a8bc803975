using MedInfo.Letters;

namespace MedInfo.Rendering;

/// <summary>
/// How a letter names itself wherever it is shown: the page's title and description, the print document's title
/// and subject, and the PDF's document information. Built in this one place.
/// </summary>
public sealed record DocumentMetadata(string Title, string Subject, IReadOnlyList<string> Keywords)
{
    public const string Author = "Medical Information";

    public static DocumentMetadata For(Letter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var metadata = letter.Metadata;
        return new DocumentMetadata(metadata.Title, SubjectOf(metadata.DocumentKind, metadata.Title), metadata.Keywords);
    }

    /// <summary>The subject (and a page's description): the document kind, then the title.</summary>
    public static string SubjectOf(string documentKind, string title) => $"{documentKind}: {title}";
}
