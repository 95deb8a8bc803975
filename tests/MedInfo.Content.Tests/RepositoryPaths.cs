namespace MedInfo.Content.Tests;

/// <summary>Finds the repository's folders from wherever the test runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>
    /// The real letter as plain text, the reference the seed's fidelity is checked against: a fixture in this
    /// repository (copied from the letter as J&amp;J Medical Information published it; see Seed/Fixtures/README.md),
    /// so a clone passes on its own.
    /// </summary>
    public static string SeedLetter => Path.Combine(Root, "tests", "MedInfo.Content.Tests", "Seed", "Fixtures", "darzalex-poems-syndrome.txt");

    /// <summary>Synthetic letters (invented products) laid out as content/ is: a patient letter, boxed warnings, figures.</summary>
    public static string TestLetters => Path.Combine(Root, "tests", "letters");

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
