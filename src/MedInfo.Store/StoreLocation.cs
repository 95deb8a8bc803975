namespace MedInfo.Store;

/// <summary>
/// Where the SQLite file lives: the folder the caller names (the portal's configuration, the command line's --data,
/// each with MEDINFO_DATA_DIR as <see cref="MedInfoEnvironment"/> maps it), else "data" under the current directory.
/// The file is medinfo.db in that folder.
/// </summary>
public static class StoreLocation
{
    public const string FileName = "medinfo.db";

    public static string DataDirectory(string? configured = null) => Path.GetFullPath(configured ?? "data");

    public static string ConnectionString(string dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory, FileName)};Default Timeout=30";
}
