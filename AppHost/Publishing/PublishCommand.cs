namespace Kite.AppHost.Publishing;

/// <summary>
/// The <c>publish</c> verb: <c>dotnet run --project AppHost -- publish [--output deploy/k8s]</c> writes the model as
/// manifests instead of running it. Every other argument still configures the AppHost.
/// </summary>
public sealed record PublishCommand(string OutputDirectory)
{
    public const string Verb = "publish";
    public const string DefaultOutput = "deploy/k8s";

    /// <summary>The publish command when <paramref name="args"/> start with the verb (else null), and the arguments left.</summary>
    public static (PublishCommand? Command, string[] Remaining) Parse(string[] args)
    {
        if (args is not [Verb, .. var after])
        {
            return (null, args);
        }

        var output = DefaultOutput;
        var rest = new List<string>();
        for (var i = 0; i < after.Length; i++)
        {
            if (after[i] is "--output" or "-o" && i + 1 < after.Length)
            {
                output = after[++i];
            }
            else if (after[i].StartsWith("--output=", StringComparison.Ordinal))
            {
                output = after[i]["--output=".Length..];
            }
            else
            {
                rest.Add(after[i]);
            }
        }

        return (new PublishCommand(Resolve(output)), [.. rest]);
    }

    /// <summary>
    /// A relative output is taken from the repository root (the folder holding Suite.sln above the current one), because
    /// <c>dotnet run --project AppHost</c> runs the AppHost in its project folder, not where the user typed the command.
    /// </summary>
    private static string Resolve(string output)
    {
        if (Path.IsPathRooted(output))
        {
            return Path.GetFullPath(output);
        }

        var root = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (var dir = root; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Suite.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, output));
            }
        }

        return Path.GetFullPath(output);
    }
}
