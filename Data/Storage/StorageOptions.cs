namespace Kite.Data.Storage;

/// <summary>Settings of <c>Kite:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Local = "local";
    public const string Postgres = "postgres";

    /// <summary><c>local</c> (a folder, one machine) or <c>postgres</c> (the database, shared by every node).</summary>
    public string Type { get; set; } = Local;

    /// <summary>The local store's folder. Default: <c>.kite/storage</c> at the repository root, else under the working directory.</summary>
    public string? Root { get; set; }

    public string ResolveRoot()
    {
        if (!string.IsNullOrWhiteSpace(Root))
        {
            return System.IO.Path.GetFullPath(Root);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Suite.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, ".kite", "storage");
            }
        }

        return System.IO.Path.Combine(Directory.GetCurrentDirectory(), ".kite", "storage");
    }
}
