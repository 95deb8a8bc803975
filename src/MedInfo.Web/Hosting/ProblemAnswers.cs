using System.Globalization;
using MedInfo.Store;

namespace MedInfo.Web.Hosting;

/// <summary>
/// The portal's one mapping from a problem MedInfo explains (<see cref="MedInfoException"/>) to an HTTP answer:
/// an endpoint filter on every endpoint the portal maps, so endpoints return their results and throw their
/// problems, and no endpoint maps an exception type of its own. Pages show the error page (a 500) for anything
/// they do not handle themselves.
/// </summary>
internal sealed class ProblemAnswers : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (MedInfoException problem)
        {
            if (problem.RetryAfter is { } wait)
            {
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            return TypedResults.Problem(problem.Message, statusCode: StatusOf(problem.Kind), title: TitleOf(problem.Kind));
        }
    }

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.Unavailable or ProblemKind.Busy => StatusCodes.Status503ServiceUnavailable,
        ProblemKind.Integrity => StatusCodes.Status409Conflict,
        ProblemKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string TitleOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => "The request cannot be done as asked",
        ProblemKind.Unavailable => "A part of MedInfo is not available",
        ProblemKind.Busy => "MedInfo is busy",
        ProblemKind.Integrity => "A kept record no longer matches its hash",
        ProblemKind.Gone => "It was erased under the retention rule",
        _ => "MedInfo is not set up to do this",
    };
}
