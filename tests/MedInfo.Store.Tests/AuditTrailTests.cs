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
        audit = store.NewAuditTrail();
    }

    public async Task DisposeAsync()
    {
        audit.Dispose();
        await store.DisposeAsync();
    }

    private Task<ExportRecordView> RecordAsync(string? user, string letter, byte[] pdf) =>
        audit.RecordAsync(new NewExport(NewExport.LetterKind, user, "web", [new ExportedLetter(letter, 1, new string('a', 64))]), pdf);

    private string CheckpointPath => Path.Combine(store.Directory, "portal", AuditCheckpoint.FileName);

    [Fact]
    public async Task A_store_replaced_by_an_empty_one_is_reported_by_the_checkpoint()
    {
        await RecordAsync(null, "one", [1]);
        var last = await RecordAsync(null, "two", [2]);

        // The database is emptied or swapped (truncated file, restored old backup); the checkpoint beside it stays.
        await using var replaced = await TestStore.CreateAsync(database);
        using var after = new AuditTrail(replaced.Factory, replaced.Clock, new AuditCheckpoint(CheckpointPath, store.Protection));
        var verification = await after.VerifyAsync();
        var refused = await Assert.ThrowsAsync<StoreProblemException>(() => after.CheckAgainstCheckpointAsync());

        Assert.False(verification.Intact);
        Assert.Contains($"export record {last.Id}", Assert.Single(verification.Problems), StringComparison.Ordinal);
        Assert.Contains("no longer holds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trail_that_grew_past_its_checkpoint_passes_and_a_new_one_is_checkpointed()
    {
        await RecordAsync(null, "one", [1]);
        var older = File.ReadAllText(CheckpointPath);
        await RecordAsync(null, "two", [2]);
        File.WriteAllText(CheckpointPath, older); // another portal's checkpoint, written before the last export

        await audit.CheckAgainstCheckpointAsync();
        Assert.True((await audit.VerifyAsync()).Intact);

        File.Delete(CheckpointPath);
        await audit.CheckAgainstCheckpointAsync();
        Assert.True(File.Exists(CheckpointPath));
    }

    [Fact]
    public async Task An_edited_checkpoint_is_refused()
    {
        var first = await RecordAsync(null, "one", [1]);
        await RecordAsync(null, "two", [2]);
        var text = File.ReadAllText(CheckpointPath);
        var edited = System.Text.RegularExpressions.Regex.Replace(text, "\"RecordId\":\\d+", $"\"RecordId\":{first.Id}");
        Assert.NotEqual(text, edited);
        File.WriteAllText(CheckpointPath, edited);

        var refused = await Assert.ThrowsAsync<StoreProblemException>(() => audit.CheckAgainstCheckpointAsync());
        Assert.Contains("cannot be verified", refused.Message, StringComparison.Ordinal);
        Assert.False((await audit.VerifyAsync()).Intact);
    }

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
