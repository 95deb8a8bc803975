using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using MedInfo.Letters;

namespace MedInfo.Store.Search;

/// <summary>A published letter as the index takes it: its search row (the text searched), and what a result shows and filters by.</summary>
internal sealed record SearchDocument(IndexedText Text, string DocumentKind, DateOnly LastUpdated, AudienceKind Audience, IReadOnlyList<string> ProductSlugs);

/// <summary>
/// The index's fields. The searched ones carry weights (title and products most, body least); the spelling fields
/// hold the words as written, one field per readership, so a correction only ever offers a word of a letter that
/// reader may read.
/// </summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Updated = "updated";
    public const string Audience = "audience";
    public const string Product = "product";
    public const string Title = "title";
    public const string Products = "products";
    public const string Keywords = "keywords";
    public const string Summary = "summary";
    public const string Body = "body";

    /// <summary>The stored fields a result shows; the body, the largest by far, is read only when its passage is needed.</summary>
    public static readonly ISet<string> Shown = new HashSet<string>([Id, Title, Kind, Updated, Audience, Products, Summary]);

    public static readonly ISet<string> BodyOnly = new HashSet<string>([Body]);

    /// <summary>The searched fields and what a match in each weighs.</summary>
    public static readonly IReadOnlyList<(string Name, float Weight)> Weighted =
        [(Title, 10f), (Products, 8f), (Keywords, 6f), (Summary, 4f), (Body, 1f)];

    /// <summary>The fields a suggestion looks in: what names a letter (a suggestion shows its title), not its body.</summary>
    public static readonly IReadOnlyList<(string Name, float Weight)> Naming = Weighted.Take(3).ToList();

    /// <summary>How many letters have this stem in any searched field (0: no letter has the word whole).</summary>
    public static int LettersWith(IndexReader reader, string stem) => Weighted.Max(f => reader.DocFreq(new Term(f.Name, stem)));

    public static string Spelling(Readership reader) => "spell-" + reader;

    public static string ProductSpelling(Readership reader) => "product-spell-" + reader;

    /// <summary>Stored, and each word's place in the text kept in the index, for snippets without analysing again.</summary>
    private static readonly FieldType WithOffsets = Frozen(new FieldType(TextField.TYPE_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS });

    private static readonly FieldType SpellingOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY });

    public static Document ToDocument(SearchDocument letter)
    {
        var text = letter.Text;
        var document = new Document
        {
            new StringField(Id, text.LetterId, Field.Store.YES),
            new StringField(Kind, letter.DocumentKind, Field.Store.YES),
            new StoredField(Updated, letter.LastUpdated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new StringField(Audience, letter.Audience.ToString(), Field.Store.YES),
            new TextField(Title, text.Title, Field.Store.YES),
            new TextField(Products, text.Products, Field.Store.YES),
            new TextField(Keywords, text.Keywords, Field.Store.NO),
            new Field(Summary, text.Summary, WithOffsets),
            new Field(Body, text.Body, WithOffsets),
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
