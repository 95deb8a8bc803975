using MedInfo.Bench.Corpus;

namespace MedInfo.Bench;

/// <summary>The harness's scratch folder (bench/out by default, never content/) and the corpus in it.</summary>
public sealed class Workspace
{
    public Workspace(string root, int letters)
    {
        Root = Directory.CreateDirectory(root).FullName;
        Letters = letters;
        Corpus = System.IO.Path.Combine(Root, $"corpus-{letters}");
    }

    public string Root { get; }

    public int Letters { get; }

    /// <summary>The synthetic letters (invented products); written fresh each run so the change test starts clean.</summary>
    public string Corpus { get; }

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    public void WriteCorpus()
    {
        if (Directory.Exists(Corpus))
        {
            Directory.Delete(Corpus, recursive: true);
        }

        new CorpusGenerator().Write(Corpus, Letters);
    }
}
