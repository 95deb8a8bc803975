namespace MedInfo.Store;

/// <summary>What kind of problem a <see cref="MedInfoException"/> is: how an HTTP answer or an exit code says it.</summary>
public enum ProblemKind
{
    /// <summary>What was asked for cannot be done as asked (a package without letters, an unknown letter in it).</summary>
    Invalid,

    /// <summary>A part MedInfo needs is not there or does not answer (Chromium, the database); the message says how to fix it.</summary>
    Unavailable,

    /// <summary>The part is there but busy: try again after <see cref="MedInfoException.RetryAfter"/>.</summary>
    Busy,

    /// <summary>MedInfo is set up in a way it cannot work with, or its store cannot be used as it is.</summary>
    Misconfigured,

    /// <summary>What was asked for existed and was erased on purpose (personal data past its retention period).</summary>
    Gone,

    /// <summary>Something kept was changed outside MedInfo (a kept PDF no longer matches its recorded hash).</summary>
    Integrity,
}

/// <summary>
/// A problem MedInfo expects and can explain, with a message written for the person who meets it. Each kind is
/// turned into an answer in one place: the portal's endpoints (Hosting/ProblemAnswers) and the command line.
/// </summary>
public abstract class MedInfoException(string message, ProblemKind kind, Exception? inner = null) : Exception(message, inner)
{
    public ProblemKind Kind { get; } = kind;

    /// <summary>For <see cref="ProblemKind.Busy"/>: when trying again makes sense.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
