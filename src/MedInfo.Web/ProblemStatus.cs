using MedInfo.Store;

namespace MedInfo.Web;

/// <summary>
/// The portal's one mapping from a kind of problem to an HTTP status and title: the endpoint filter
/// (Hosting/ProblemAnswers) answers with it, and a page that shows a problem on itself sets the same status.
/// </summary>
public static class ProblemStatus
{
    public static int Of(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.Unavailable or ProblemKind.Busy => StatusCodes.Status503ServiceUnavailable,
        ProblemKind.Integrity => StatusCodes.Status409Conflict,
        ProblemKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TitleOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => "The request cannot be done as asked",
        ProblemKind.Unavailable => "A part of MedInfo is not available",
        ProblemKind.Busy => "MedInfo is busy",
        ProblemKind.Integrity => "A kept record no longer matches its hash",
        ProblemKind.Gone => "It was erased under the retention rule",
        _ => "MedInfo is not set up to do this",
    };
}
