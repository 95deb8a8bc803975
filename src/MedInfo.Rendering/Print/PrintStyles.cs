namespace MedInfo.Rendering.Print;

/// <summary>
/// The stylesheets a printed document carries inline: the same tokens.css and letter.css the portal serves, then
/// pdf.css. Read once from the assembly's resources, so the print page needs no request to anyone.
/// </summary>
public static class PrintStyles
{
    private static readonly Lazy<string> All = new(() => string.Concat(
        Read("tokens.css"), "\n", Read("letter.css"), "\n", Read("pdf.css")));

    public static string Css => All.Value;

    private static string Read(string name)
    {
        using var stream = typeof(PrintStyles).Assembly.GetManifestResourceStream("MedInfo.Rendering." + name)
            ?? throw new InvalidOperationException($"Stylesheet {name} is not embedded in MedInfo.Rendering.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
