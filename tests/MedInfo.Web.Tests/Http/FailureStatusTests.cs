using System.Data.Common;
using System.Net;
using MedInfo.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Web.Tests.Http;

/// <summary>
/// A page whose store fails is answered with a server error, never 200 with a cut-off body. A streamed page sent
/// its 200 before a slow query failed, so a monitor counting status codes saw nothing wrong.
/// </summary>
public sealed class FailureStatusTests(FailureStatusTests.StrainedStorePortal portal) : IClassFixture<FailureStatusTests.StrainedStorePortal>
{
    /// <summary>
    /// A portal whose store, once strained, answers the queries of the listing pages slowly and then fails, as a
    /// database under pressure does (SQLite's "database is locked" after its wait).
    /// </summary>
    public sealed class StrainedStorePortal : PortalFactory
    {
        public SlowFailure Strain { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<MedInfoDb>(options => options.AddInterceptors(Strain)));
        }
    }

    public sealed class SlowFailure : DbCommandInterceptor
    {
        public bool On { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (On && (command.CommandText.Contains("LetterSearch", StringComparison.Ordinal) || command.CommandText.Contains("\"Products\"", StringComparison.Ordinal)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(400), cancellationToken);
                throw new SqliteException("database is locked", 5);
            }

            return result;
        }
    }

    [Theory]
    [InlineData("/search?q=daratumumab")]
    [InlineData("/")]
    [InlineData("/products/darzalex")]
    public async Task A_store_failure_is_a_503_to_retry_not_a_truncated_200(string path)
    {
        var client = portal.CreateHcpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        portal.Strain.On = true;
        try
        {
            var response = await client.GetAsync(path);

            // "database is locked" is a moment's trouble: 503 with when to try again, and the reference to quote.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.True(response.Headers.Contains("X-Request-Id"), await response.Content.ReadAsStringAsync());
        }
        finally
        {
            portal.Strain.On = false;
        }
    }
}
