using MedInfo.Store.Audit;
using Microsoft.EntityFrameworkCore;

namespace MedInfo.Store.Tests;

/// <summary>The audit trail's own rules, without a browser: chaining, filtering, CSV that spreadsheets cannot run.</summary>
public abstract class AuditTrailTests(ITestDatabase database) : IAsyncLifetime
{
    private TestStore store = null!;
    private AuditTrail audit = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(database);
        audit = new AuditTrail(store.Factory, store.Clock);
    }

    public async Task DisposeAsync()
    {
        audit.Dispose();
        await store.DisposeAsync();
    }

    private Task<ExportRecordView> RecordAsync(string? user, string letter, byte[] pdf) =>
        audit.RecordAsync(new NewExport(NewExport.LetterKind, user, "web", [new ExportedLetter(letter, 1, new string('a', 64))]), pdf);

    [Fact]
    public async Task Records_chain_from_the_genesis_hash_and_identical_PDFs_are_kept_once()
    {
        var first = await RecordAsync(null, "one", [1, 2, 3]);
        var second = await RecordAsync(null, "one", [1, 2, 3]);

        Assert.Equal(AuditTrail.GenesisHash, first.PreviousHash);
        Assert.Equal(first.RecordHash, second.PreviousHash);
        Assert.NotEqual(first.RecordHash, second.RecordHash);
        Assert.Equal(1, await store.CountAsync("ExportFiles"));
        Assert.Equal([1, 2, 3], (await audit.GetPdfAsync(second.Id))!.Content);
    }

    [Fact]
    public async Task Filters_match_user_letter_and_dates_and_treat_wildcards_as_text()
    {
        await RecordAsync("ana@example.org", "alpha-letter", [1]);
        store.Clock.Now = store.Clock.Now.AddDays(3);
        await RecordAsync(null, "beta-letter", [2]);

        Assert.Single(await audit.ListAsync(new ExportQuery(Text: "ana@")));
        Assert.Single(await audit.ListAsync(new ExportQuery(Text: "beta")));
        Assert.Empty(await audit.ListAsync(new ExportQuery(Text: "%")));
        var day = DateOnly.FromDateTime(store.Clock.Now.UtcDateTime);
        Assert.Equal("beta-letter", Assert.Single(await audit.ListAsync(new ExportQuery(From: day, To: day))).Letters[0].LetterId);
    }

    [Fact]
    public async Task CSV_fields_that_a_spreadsheet_would_run_as_formulas_are_defused()
    {
        await RecordAsync("=HYPERLINK(\"http://evil\")", "alpha", [9]);
        await using var writer = new StringWriter();

        await audit.WriteCsvAsync(writer, new ExportQuery());

        var row = writer.ToString().Split('\n')[1];
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE \"ExportRecords\" SET \"UserName\" = 'someone-else'", "rows cannot be changed")]
    [InlineData("DELETE FROM \"ExportRecords\"", "rows cannot be deleted")]
    [InlineData("UPDATE \"ExportRecordLetters\" SET \"VersionNumber\" = 2", "rows cannot be changed")]
    [InlineData("DELETE FROM \"ExportFiles\"", "rows cannot be deleted")]
    public async Task The_database_itself_refuses_to_change_or_delete_audit_rows(string sql, string refusal)
    {
        var record = await RecordAsync("ana@example.org", "alpha-letter", [1, 2, 3]);

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.ExecuteAsync(sql));

        Assert.Contains("append-only audit table: " + refusal, error.Message, StringComparison.Ordinal);
        Assert.True((await audit.VerifyAsync()).Intact);
        Assert.Equal([1, 2, 3], (await audit.GetPdfAsync(record.Id))!.Content);
    }

    [Fact]
    public async Task Verify_finds_a_record_changed_or_removed_outside_the_app()
    {
        for (var i = 0; i < 3; i++)
        {
            await RecordAsync(null, $"letter-{i}", [(byte)i]);
        }

        Assert.True((await audit.VerifyAsync()).Intact);

        // What only someone going around the app could do: drop the guards, then edit and delete.
        foreach (var (table, trigger) in new[] { ("ExportRecords", "NoUpdate"), ("ExportRecords", "NoDelete"), ("ExportRecordLetters", "NoDelete") })
        {
            await store.ExecuteAsync(store.Connection.Provider == StoreProvider.PostgreSql
                ? $"DROP TRIGGER \"{table}_{trigger}\" ON \"{table}\""
                : $"DROP TRIGGER \"{table}_{trigger}\"");
        }

        await store.ExecuteAsync("UPDATE \"ExportRecords\" SET \"UserName\" = 'someone-else' WHERE \"Id\" = 1");
        await store.ExecuteAsync("DELETE FROM \"ExportRecordLetters\" WHERE \"ExportRecordId\" = 2");
        await store.ExecuteAsync("DELETE FROM \"ExportRecords\" WHERE \"Id\" = 2");

        var result = await audit.VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(2, result.Records);
        Assert.Contains(result.Problems, p => p.StartsWith("Record 1: its fields no longer match its hash", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith("Record 3: it follows a record with hash", StringComparison.Ordinal));
    }

    public sealed class OnSqlite() : AuditTrailTests(SqliteTestDatabase.Instance);

    [Collection(PostgreSqlCollection.Name)]
    public sealed class OnPostgreSql(PostgreSqlServer server) : AuditTrailTests(server);
}
