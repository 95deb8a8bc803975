using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MedInfo.Letters;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store;

/// <summary>
/// Stores the letter model as JSON, compressed. Block and inline kinds are tagged with their type name; derived values
/// (labels, anchors) are not written, they are computed again on reading.
/// </summary>
public static class LetterJson
{
    private const int FastestQuality = 0;
    private const int DefaultWindow = 22;

    private static readonly JsonSerializerOptions Options = new()
    {
        MaxDepth = LetterNesting.MaxJsonDepth,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { TagDerivedTypes, SkipComputedProperties } },
    };

    /// <summary>The model as Brotli-compressed UTF-8 JSON, in one call at Brotli's fastest quality: a synthetic
    /// letter's 38 KB of JSON becomes about 7 KB. Through a stream, with its partial flushes, compressing took twice
    /// as long and made a larger result; with the JSON it cost an import more than parsing the letter.</summary>
    public static byte[] WriteCompressed(Letter letter)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(letter, Options);
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(json, buffer, out var written, FastestQuality, DefaultWindow))
            {
                throw new InvalidOperationException("Brotli could not compress a letter's model into its largest possible size.");
            }

            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The model of a stored version, reading only its model's columns.</summary>
    internal static async Task<Letter> ReadStoredAsync(MedInfoDb db, int versionId, CancellationToken cancellationToken)
    {
        var stored = await db.LetterVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => new { v.CompressedModel, v.ModelJson })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        return Read(stored.CompressedModel, stored.ModelJson);
    }

    /// <summary>A stored model: compressed, or plain JSON as versions imported before compression kept it.</summary>
    private static Letter Read(byte[]? compressed, string? json)
    {
        Letter? letter;
        if (compressed is not null)
        {
            using var brotli = new BrotliStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            letter = JsonSerializer.Deserialize<Letter>(brotli, Options);
        }
        else
        {
            letter = string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<Letter>(json, Options);
        }

        return letter ?? throw new InvalidDataException("A stored letter version has no content.");
    }

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
