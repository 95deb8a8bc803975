namespace MedInfo.Web.Hosting;

/// <summary>The folder holding MedInfo.sln, found upwards from the app; the app's own folder when deployed alone.</summary>
internal static class RepositoryFolder
{
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MedInfo.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
