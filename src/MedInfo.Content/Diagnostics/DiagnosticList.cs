using Markdig.Syntax;

namespace MedInfo.Content.Diagnostics;

/// <summary>Collects the diagnostics of one file; positions from Markdig (0-based) become 1-based.</summary>
public sealed class DiagnosticList(string path)
{
    private readonly List<Diagnostic> items = [];

    public string Path { get; } = path;

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Any(d => d.IsError);

    public void Error(int line, int column, string message) => items.Add(new Diagnostic(Path, line, column, Severity.Error, message));

    public void Warning(int line, int column, string message) => items.Add(new Diagnostic(Path, line, column, Severity.Warning, message));

    public void Error(MarkdownObject at, string message) => Error(at.Line + 1, at.Column + 1, message);

    public void Warning(MarkdownObject at, string message) => Warning(at.Line + 1, at.Column + 1, message);

    public void Add(SourceProblem problem)
    {
        if (problem.IsWarning)
        {
            Warning(problem.Line + 1, problem.Column + 1, problem.Message);
        }
        else
        {
            Error(problem.Line + 1, problem.Column + 1, problem.Message);
        }
    }
}
