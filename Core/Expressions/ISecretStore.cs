namespace Kite.Core.Expressions;

/// <summary>Where <c>secret('NAME')</c> reads from (environment or configuration, supplied by the host; Core has no I/O).</summary>
public interface ISecretStore
{
    /// <summary>The secret's value, or null when there is none of that name.</summary>
    string? Get(string? @namespace, string name);
}
