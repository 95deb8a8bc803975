using System.Reflection;

namespace MedInfo.Architecture.Tests;

/// <summary>
/// The architecture in docs/architecture.md, as tests: each project uses only the projects drawn under it, the
/// letter model uses nothing of ours, only the store (and its engines) talks to a database driver, and inside the
/// portal no feature uses the hosting wiring (wiring imports features, never the reverse).
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Which of our projects each project may use. Everything points towards the letter model.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["MedInfo.Letters"] = [],
        ["MedInfo.Content"] = ["MedInfo.Letters"],
        ["MedInfo.Rendering"] = ["MedInfo.Letters"],
        ["MedInfo.Store"] = ["MedInfo.Letters"],
        ["MedInfo.Store.PostgreSql"] = ["MedInfo.Store"],
        ["MedInfo.Import"] = ["MedInfo.Letters", "MedInfo.Content", "MedInfo.Store"],
        ["MedInfo.Pdf"] = ["MedInfo.Letters", "MedInfo.Rendering", "MedInfo.Store"],
        ["MedInfo.Delivery"] = ["MedInfo.Letters", "MedInfo.Pdf", "MedInfo.Store"],
        ["medinfo"] = ["MedInfo.Letters", "MedInfo.Content", "MedInfo.Store", "MedInfo.Import", "MedInfo.Pdf", "MedInfo.Rendering"],
        ["MedInfo.Web"] = ["MedInfo.Letters", "MedInfo.Content", "MedInfo.Store", "MedInfo.Import", "MedInfo.Pdf", "MedInfo.Rendering", "MedInfo.Delivery"],
    };

    private static readonly string[] DatabaseDrivers = ["Npgsql", "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", "Npgsql.EntityFrameworkCore.PostgreSQL"];

    private static Assembly Load(string name) => name switch
    {
        "MedInfo.Web" => typeof(MedInfo.Web.Hosting.PortalSetup).Assembly,
        "medinfo" => typeof(MedInfo.Cli.MedInfoCommandLine).Assembly,
        _ => Assembly.Load(name),
    };

    private static IEnumerable<string> References(string project) =>
        Load(project).GetReferencedAssemblies().Select(a => a.Name!);

    public static TheoryData<string> Projects() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_uses_only_the_projects_drawn_under_it(string project)
    {
        var ours = References(project).Where(r => r.StartsWith("MedInfo.", StringComparison.Ordinal) || r == "medinfo");

        Assert.Empty(ours.Except(Allowed[project]));
    }

    [Fact]
    public void The_letter_model_uses_nothing_but_the_framework()
    {
        Assert.All(References("MedInfo.Letters"), r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", r));
    }

    [Theory]
    [InlineData("MedInfo.Web")]
    [InlineData("medinfo")]
    [InlineData("MedInfo.Import")]
    [InlineData("MedInfo.Pdf")]
    [InlineData("MedInfo.Content")]
    [InlineData("MedInfo.Rendering")]
    public void Only_the_store_talks_to_a_database_driver(string project)
    {
        Assert.Empty(References(project).Intersect(DatabaseDrivers));
    }

    [Fact]
    public void Engine_specific_code_lives_in_the_stores_engines_and_search()
    {
        var store = Load("MedInfo.Store");
        var npgsqlUsers = store.GetTypes()
            .Where(t => TypeUses.Of(t).Any(u => u.Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true && u.Name != "NpgsqlConnectionStringBuilder"))
            .Select(t => t.FullName!)
            .Where(n => !n.StartsWith("MedInfo.Store.Engines.", StringComparison.Ordinal) && !n.StartsWith("MedInfo.Store.Search.PostgreSql", StringComparison.Ordinal))
            .Where(n => !n.StartsWith("MedInfo.Store.StoreConnection", StringComparison.Ordinal) && !n.StartsWith("MedInfo.Store.StoreProblem", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(npgsqlUsers);
    }

    /// <remarks>Constants are copied into the code that uses them, so a feature reading a hosting constant is not seen.</remarks>
    [Fact]
    public void No_portal_feature_uses_the_hosting_wiring()
    {
        var web = Load("MedInfo.Web");
        var offenders = web.GetTypes()
            .Where(t => t.Namespace?.StartsWith("MedInfo.Web.Components", StringComparison.Ordinal) == true)
            .SelectMany(t => TypeUses.Of(t).Where(u => u.Namespace == "MedInfo.Web.Hosting").Select(u => $"{t.FullName} uses {u.FullName}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_Markdown_core_does_not_use_the_extensions_built_on_it()
    {
        // Extensions plug their parsers and model renderers into Markdown/; the pipeline (at the project's root)
        // puts them together. The other way round would be a cycle between folders.
        var offenders = Load("MedInfo.Content").GetTypes()
            .Where(t => t.Namespace == "MedInfo.Content.Markdown")
            .SelectMany(t => TypeUses.Of(t).Where(u => u.Namespace?.StartsWith("MedInfo.Content.Extensions", StringComparison.Ordinal) == true).Select(u => $"{t.FullName} uses {u.FullName}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_check_above_sees_a_use_hidden_in_a_method_body()
    {
        // The hosting wiring does use the features: the scan must find that, or it proves nothing.
        var uses = TypeUses.Of(typeof(MedInfo.Web.Hosting.PortalSetup)).Select(u => u.FullName).ToList();

        Assert.Contains("MedInfo.Web.Components.Pages.Letter.LetterPdfEndpoints", uses);
        Assert.Contains("MedInfo.Web.Components.Pages.Staff.StaffSetup", uses);
    }
}
