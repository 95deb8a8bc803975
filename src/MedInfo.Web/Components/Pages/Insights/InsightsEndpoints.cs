using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedInfo.Web.Components.Pages.Insights;

/// <summary>Each insights table as CSV (the same rows as the page), for the team's own reports.</summary>
internal static class InsightsEndpoints
{
    public static string CsvUrl(string table) => $"/staff/insights/{table}.csv";

    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/staff/insights/{table}.csv", async Task<Results<FileContentHttpResult, NotFound>> (string table, InsightsNow builder, CancellationToken cancellationToken) =>
        {
            var found = InsightsTables.From(await builder.BuildAsync(cancellationToken)).FirstOrDefault(t => t.Id == table);
            return found is null
                ? TypedResults.NotFound()
                : TypedResults.File(Encoding.UTF8.GetBytes(InsightsTables.Csv(found)), "text/csv; charset=utf-8", $"medinfo-{found.Id}.csv");
        }).RequireAuthorization(Staff.StaffSetup.AdminPolicy);
        return routes;
    }
}
