using System.Data.Common;
using System.Net;
using MedInfo.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// A load balancer polls health all the time: liveness never touches the store, and readiness asks the store at
/// most once every two seconds however many probes arrive.
/// </summary>
public sealed class HealthProbeTests(HealthProbeTests.CountingPortal portal) : IClassFixture<HealthProbeTests.CountingPortal>
{
    /// <summary>A portal that counts the store's health queries (its count of letters).</summary>
    public sealed class CountingPortal : PortalFactory
    {
        public LetterCounts Counts { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<MedInfoDb>(options => options.AddInterceptors(Counts)));
        }
    }

    public sealed class LetterCounts : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            // The health probe's query, and only it: a count over the whole letters table.
            if (command.CommandText.StartsWith("SELECT COUNT(*)", StringComparison.OrdinalIgnoreCase) && command.CommandText.Contains("FROM \"Letters\"", StringComparison.Ordinal)
                && !command.CommandText.Contains("WHERE", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref count);
            }

            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task Liveness_answers_without_asking_the_store()
    {
        var client = portal.CreateClient();
        await client.GetAsync("/healthz"); // started
        var before = portal.Counts.Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/healthz/live")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("\"status\":\"Healthy\"", await responses[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, portal.Counts.Count);
    }

    [Fact]
    public async Task Readiness_asks_the_store_once_for_a_burst_of_probes()
    {
        var client = portal.CreateClient();
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // whatever an earlier test asked has expired
        var before = portal.Counts.Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("/healthz")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("letters in the store", await responses[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, portal.Counts.Count);
    }
}
