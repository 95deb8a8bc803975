using MedInfo.Letters;

namespace MedInfo.Rendering.Print;

/// <summary>Figure images inside the print document itself: Chromium prints with the network cut off.</summary>
public static class FigureSources
{
    public static string DataUri(byte[] bytes, string mediaType) => $"data:{mediaType};base64,{Convert.ToBase64String(bytes)}";

    /// <summary>Looks an image up by its SHA-256 among <paramref name="figures"/>; none for a missing one (its alt text is printed).</summary>
    public static Func<FigureImage, string?>? For(IReadOnlyDictionary<string, string>? figures) =>
        figures is null ? null : image => figures.GetValueOrDefault(image.Sha256);
}
