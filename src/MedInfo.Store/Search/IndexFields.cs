using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using MedInfo.Letters;

namespace MedInfo.Store.Search;

/// <summary>A published letter as the index takes it: what the reader is shown in a result, and the text searched.</summary>
internal sealed record SearchDocument(int VersionId, string DocumentKind, DateOnly LastUpdated, AudienceKind Audience, IReadOnlyList<string> ProductSlugs, IndexedLetter Text);

/// <summary>
/// The index's fields. The searched ones carry weights (title and products most, body least); "all" holds every
/// searched word once more for prefix matching ("daratu" as it is typed); the spelling fields hold the words as
/// written, one field per readership, so a correction only ever offers a word of a letter that reader may read.
/// </summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Version = "version";
    public const string Kind = "kind";
    public const string Updated = "updated";
    public const string Audience = "audience";
    public const string Product = "product";
    public const string Title = "title";
    public const string Products = "products";
    public const string Keywords = "keywords";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string All = "all";

    /// <summary>The searched fields and what a match in each weighs.</summary>
    public static readonly IReadOnlyList<(string Name, float Weight)> Weighted =
        [(Title, 10f), (Products, 8f), (Keywords, 6f), (Summary, 4f), (Body, 1f)];

    public static string Spelling(Readership reader) => "spell-" + reader;

    public static string ProductSpelling(Readership reader) => "product-spell-" + reader;

    private static readonly FieldType IndexedOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS });

    private static readonly FieldType SpellingOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY });

    public static Document ToDocument(string letterId, SearchDocument letter)
    {
        var text = letter.Text;
        var document = new Document
        {
            new StringField(Id, letterId, Field.Store.YES),
            new StoredField(Version, letter.VersionId),
            new StringField(Kind, letter.DocumentKind, Field.Store.YES),
            new StoredField(Updated, letter.LastUpdated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new StringField(Audience, letter.Audience.ToString(), Field.Store.YES),
            new TextField(Title, text.Title, Field.Store.YES),
            new TextField(Products, text.Products, Field.Store.YES),
            new TextField(Keywords, text.Keywords, Field.Store.NO),
            new TextField(Summary, text.Summary, Field.Store.YES),
            new TextField(Body, text.Body, Field.Store.YES),
            new Field(All, string.Join('\n', text.Title, text.Products, text.Keywords, text.Summary, text.Body), IndexedOnly),
        };
        foreach (var slug in letter.ProductSlugs)
        {
            document.Add(new StringField(Product, slug, Field.Store.NO));
        }

        foreach (var reader in Enum.GetValues<Readership>().Where(r => letter.Audience.IsReadableBy(r)))
        {
            document.Add(new Field(Spelling(reader), string.Join('\n', text.Title, text.Keywords, text.Summary, text.Body), SpellingOnly));
            document.Add(new Field(ProductSpelling(reader), text.Products, SpellingOnly));
        }

        return document;
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
