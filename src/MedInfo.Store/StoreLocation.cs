namespace MedInfo.Store;

/// <summary>
/// Where the SQLite file lives: the folder named by the MEDINFO_DATA_DIR environment variable, else the configured
/// folder, else "data" under the current directory. The file is medinfo.db in that folder.
/// </summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "MEDINFO_DATA_DIR";
    public const string FileName = "medinfo.db";

    public static string DataDirectory(string? configured = null) =>
        Path.GetFullPath(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : configured ?? "data");

    public static string ConnectionString(string dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory, FileName)};Default Timeout=30";
}
