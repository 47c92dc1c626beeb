using Kite.Hosting.Processes;

namespace Kite.Hosting.Postgres;

/// <summary>Where <c>initdb</c> and <c>postgres</c> are: Debian's versioned folder first, then PATH.</summary>
public sealed record PostgresBinaries(string InitDb, string Postgres)
{
    public static PostgresBinaries Locate()
    {
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
                .ToArray()
            : [];
        var initdb = Executables.Find("initdb", versioned);
        var postgres = Executables.Find("postgres", versioned);
        if (initdb is null || postgres is null)
        {
            throw new MissingPrerequisiteException(
                "PostgreSQL server binaries not found (initdb, postgres): install them with `apt-get install -y postgresql`, " +
                "or point Kite at a running server with ConnectionStrings__postgres.");
        }

        return new PostgresBinaries(initdb, postgres);
    }
}
