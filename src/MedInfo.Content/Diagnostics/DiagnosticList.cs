using Markdig.Syntax;

namespace MedInfo.Content.Diagnostics;

/// <summary>Collects the diagnostics of one file; positions from Markdig (0-based) become 1-based.</summary>
public sealed class DiagnosticList(string path)
{
    /// <summary>Past this many messages for one file, the rest are counted, not listed: a pasted block can repeat one mistake thousands of times.</summary>
    public const int MaxMessages = 100;

    private readonly List<Diagnostic> items = [];
    private int hidden;
    private Diagnostic? firstHidden;
    private bool hasErrors;

    public string Path { get; } = path;

    /// <summary>The messages, and when some were held back, a last one saying how many and where they start.</summary>
    public IReadOnlyList<Diagnostic> Items => firstHidden is null
        ? items
        : [.. items, firstHidden with
        {
            Severity = hasErrors ? Severity.Error : Severity.Warning,
            Message = $"{hidden} more messages about this file from here on are not shown. Fix the ones above and check again.",
        }];

    public bool HasErrors => hasErrors;

    public void Error(int line, int column, string message) => Add(new Diagnostic(Path, line, column, Severity.Error, message));

    public void Warning(int line, int column, string message) => Add(new Diagnostic(Path, line, column, Severity.Warning, message));

    public void Error(MarkdownObject at, string message) => Error(at.Line + 1, at.Column + 1, message);

    public void Warning(MarkdownObject at, string message) => Warning(at.Line + 1, at.Column + 1, message);

    private void Add(Diagnostic diagnostic)
    {
        hasErrors |= diagnostic.IsError;
        if (items.Count < MaxMessages)
        {
            items.Add(diagnostic);
            return;
        }

        hidden++;
        firstHidden ??= diagnostic;
    }

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
