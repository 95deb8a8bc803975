namespace MedInfo.Store;

/// <summary>CSV lines (RFC 4180) that a spreadsheet opens as text: every CSV MedInfo writes goes through here.</summary>
public static class CsvText
{
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    public static string Field(string field)
    {
        ArgumentNullException.ThrowIfNull(field);

        // A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
        var safe = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' ? "'" + field : field;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
