using System.Text.Json;
using MedInfo.Content.FrontMatter;
using MedInfo.Letters;

namespace MedInfo.Content.Tests.Validation;

/// <summary>What editors get besides the checker: a schema for their editor, and a skeleton to start a letter from.</summary>
public sealed class EditorsHelpTests
{
    [Fact]
    public void The_schema_in_content_is_the_one_the_reader_checks_by()
    {
        var kept = File.ReadAllText(Path.Combine(RepositoryPaths.Content, FrontMatterSchema.FileName));

        Assert.True(kept == FrontMatterSchema.Json(), $"content/{FrontMatterSchema.FileName} is out of date: run `dotnet run --project src/MedInfo.Cli -- schema content/`.");
    }

    [Fact]
    public void The_schema_names_every_key_the_reader_knows_with_its_limit()
    {
        using var schema = JsonDocument.Parse(FrontMatterSchema.Json());
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal(FrontMatterReader.KnownKeys.Order(StringComparer.Ordinal), properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(FrontMatterReader.AudienceKeys.Order(StringComparer.Ordinal), properties.GetProperty("audience").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["hcp", "patient"], properties.GetProperty("audience").GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(300, properties.GetProperty("title").GetProperty("maxLength").GetInt32());
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean()); // an unknown key is marked while typing
    }

    [Fact]
    public void The_guides_example_letter_points_its_editor_at_the_schema()
    {
        var lines = File.ReadAllLines(RepositoryPaths.SeedMarkdown);

        Assert.Equal("---", lines[0]);
        Assert.Equal($"# yaml-language-server: $schema=../{FrontMatterSchema.FileName}", lines[1]);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(RepositoryPaths.SeedMarkdown)!, "..", FrontMatterSchema.FileName)));
    }

    [Fact]
    public void A_new_letter_passes_every_check_as_a_draft()
    {
        var result = LetterReader.Read("zentravir/zentravir-new-letter.md", LetterSkeleton.Text("zentravir", "zentravir-new-letter", new DateOnly(2026, 11, 29)));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(("zentravir-new-letter", LetterStatus.Draft), (result.Letter!.Metadata.Id, result.Letter.Metadata.Status));
        Assert.Equal("ZENTRAVIR®", result.Letter.Metadata.Products.Single().Brand);
    }

    [Theory]
    [InlineData("Zentravir", "zentravir-a", "product folder")]
    [InlineData("zentravir", "../escape", "The id")]
    [InlineData("zentravir", "New Letter", "The id")]
    public void A_folder_or_id_that_cannot_be_a_web_address_is_refused(string folder, string id, string expected) =>
        Assert.Contains(expected, LetterSkeleton.Problem(folder, id), StringComparison.Ordinal);
}
