using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MedInfo.Letters;

namespace MedInfo.Store;

/// <summary>
/// Stores the letter model as JSON. Block and inline kinds are tagged with their type name; derived values
/// (labels, anchors) are not written, they are computed again on reading.
/// </summary>
public static class LetterJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { TagDerivedTypes, SkipComputedProperties } },
    };

    public static string Write(Letter letter) => JsonSerializer.Serialize(letter, Options);

    public static Letter Read(string json) =>
        JsonSerializer.Deserialize<Letter>(json, Options) ?? throw new InvalidDataException("A stored letter version has no content.");

    private static void TagDerivedTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(LetterBlock) && info.Type != typeof(LetterInline))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$kind" };
        foreach (var type in typeof(Letter).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsAssignableTo(info.Type)))
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, type.Name));
        }
    }

    private static void SkipComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Set is null).ToList())
        {
            info.Properties.Remove(property);
        }
    }
}
