namespace MedInfo.Content.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>A message for an editor about one place in one file. Line and column start at 1.</summary>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Message)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The compiler-style form editors' tools understand: <c>path:line:column: error: message</c>.</summary>
    public override string ToString() =>
        $"{Path}:{Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{Column.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {(IsError ? "error" : "warning")}: {Message}";
}
