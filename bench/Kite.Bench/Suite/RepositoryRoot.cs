namespace Kite.Bench.Suite;

/// <summary>The folder holding <c>Suite.sln</c>, found upwards from the working directory, then from the program.</summary>
internal static class RepositoryRoot
{
    public static string Find() =>
        FindFrom(Directory.GetCurrentDirectory()) ?? FindFrom(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    private static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Suite.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
