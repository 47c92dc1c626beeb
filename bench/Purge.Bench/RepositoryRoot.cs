namespace Kite.Purge.Bench;

/// <summary>The repository's root: the first folder above the program holding <c>Suite.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Suite.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Suite.sln above {AppContext.BaseDirectory}");
    }
}
