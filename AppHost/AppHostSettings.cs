namespace Kite.AppHost;

/// <summary>The <c>Kite</c> configuration section of the AppHost (appsettings.json, <c>Kite__*</c> variables, or arguments).</summary>
public sealed class AppHostSettings
{
    /// <summary>Where provisioned servers keep their data. Default: <c>.kite/</c> at the repository root (git-ignored).</summary>
    public string? DataDirectory { get; set; }

    public int DashboardPort { get; set; } = 18888;

    public int ApiPort { get; set; } = 8080;

    /// <summary>Replicas per service, by resource name (<c>Kite:Replicas:worker=3</c>); overrides the AppHost's defaults.</summary>
    public Dictionary<string, int> Replicas { get; set; } = [];

    public TimeSpan ServiceStopGrace { get; set; } = TimeSpan.FromSeconds(20);

    public string ResolveDataDirectory()
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            return Path.GetFullPath(DataDirectory);
        }

        var repository = FindRepository(Directory.GetCurrentDirectory()) ?? FindRepository(AppContext.BaseDirectory);
        return Path.Combine(repository ?? Directory.GetCurrentDirectory(), ".kite");
    }

    private static string? FindRepository(string start)
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
