using SkiaSharp;

namespace MedInfo.Content.Extensions.Figures;

/// <summary>
/// Decodes a figure's image in full with a real image library (Skia), so a file that only looks like a PNG or
/// JPEG (a renamed document, a truncated download, another format under a .png name) is refused at import with
/// its place in the letter, not shown broken to readers.
/// </summary>
public static class FigureImageCheck
{
    public const int MaxSide = 6000;
    public const int MinSide = 16;
    public const long MaxPixels = 24_000_000;

    private static readonly Dictionary<string, (SKEncodedImageFormat Format, string MediaType)> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = (SKEncodedImageFormat.Png, "image/png"),
        [".jpg"] = (SKEncodedImageFormat.Jpeg, "image/jpeg"),
        [".jpeg"] = (SKEncodedImageFormat.Jpeg, "image/jpeg"),
    };

    /// <summary>The image's media type and size, or what is wrong with it.</summary>
    public static (string? MediaType, int Width, int Height, string? Problem) Check(string name, byte[] bytes)
    {
        if (!Extensions.TryGetValue(Path.GetExtension(name), out var expected))
        {
            return (null, 0, 0, $"'{name}' is not a PNG or JPEG file name; a figure's image is a .png, .jpg or .jpeg file.");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return (null, 0, 0, $"'{name}' is not an image that can be read: it may be damaged, or another kind of file renamed.");
        }

        if (codec.EncodedFormat != expected.Format)
        {
            return (null, 0, 0, $"'{name}' is named as a {expected.Format.ToString().ToUpperInvariant()} file but holds a {codec.EncodedFormat.ToString().ToUpperInvariant()} image; save it as PNG or JPEG with the matching name.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < MinSide || height < MinSide || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return (null, 0, 0, $"'{name}' is {width} x {height} pixels; a figure's image must be between {MinSide} and {MaxSide} pixels a side and at most {MaxPixels / 1_000_000} megapixels.");
        }

        // Decode every pixel: a file cut short or damaged part-way reads its header fine and fails only here.
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        return result == SKCodecResult.Success
            ? (expected.MediaType, width, height, null)
            : (null, 0, 0, $"'{name}' could not be read to its end ({result}): the file is damaged or incomplete. Export the image again.");
    }
}
