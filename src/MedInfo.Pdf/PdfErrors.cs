using MedInfo.Store;

namespace MedInfo.Pdf;

/// <summary>PDF export cannot run here (Chromium is missing or will not start); the message says how to fix it.</summary>
public sealed class PdfEngineUnavailableException(string message, Exception? inner = null) : MedInfoException(message, ProblemKind.Unavailable, inner);

/// <summary>Every print slot stayed busy for the whole queue timeout; try again shortly.</summary>
public sealed class PdfEngineBusyException : MedInfoException
{
    public PdfEngineBusyException(string message, TimeSpan retryAfter)
        : base(message, ProblemKind.Busy) => RetryAfter = retryAfter;
}
