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

            return TypedResults.Problem(problem.Message, statusCode: ProblemStatus.Of(problem.Kind), title: ProblemStatus.TitleOf(problem.Kind));
        }
    }
}
