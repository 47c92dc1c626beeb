namespace Kite.Data.Schema;

/// <summary>How the database's applied migrations compare with the ones this build knows.</summary>
public sealed record SchemaStatus(IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    public bool IsCurrent => Pending.Count == 0;
}
