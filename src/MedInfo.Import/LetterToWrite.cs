using MedInfo.Content;
using MedInfo.Content.Markdown;
using MedInfo.Letters;
using MedInfo.Store;
using MedInfo.Store.Search;

namespace MedInfo.Import;

/// <summary>
/// What an import writes of one letter read from content/, taken from its model on the reading threads as soon as
/// the file is read: the compressed JSON model, the search text, the references and the details. The model itself
/// is let go then; an import of thousands of letters that held every model until it wrote spent much of its time
/// collecting garbage.
/// </summary>
internal sealed record LetterToWrite(
    string RelativePath,
    string Text,
    string ContentHash,
    IReadOnlyList<FigureFile> Figures,
    FileStamp? Stamp,
    LetterMetadata Metadata,
    IReadOnlyList<Reference> References,
    byte[] CompressedModel,
    SearchText SearchText)
{
    public static LetterToWrite From(LetterSource source) => new(
        source.RelativePath,
        source.Text,
        source.ContentHash,
        source.Figures,
        source.Stamp,
        source.Letter.Metadata,
        source.Letter.References,
        LetterJson.WriteCompressed(source.Letter),
        SearchText.From(source.Letter));
}
