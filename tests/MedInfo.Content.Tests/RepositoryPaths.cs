namespace MedInfo.Content.Tests;

/// <summary>Finds the repository's folders from wherever the test runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>The shared folder sits beside the repository (as in CI: a clean clone with shared/ beside it).</summary>
    public static string SeedLetter => Path.Combine(Root, "..", "shared", "seed-letters", "darzalex-poems-syndrome.txt");

    public static string SeedMarkdown => Path.Combine(Content, "darzalex", "poems-syndrome.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MedInfo.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MedInfo.sln not found above " + AppContext.BaseDirectory);
    }
}
