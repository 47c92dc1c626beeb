namespace Kite.Core.Expressions;

/// <summary>Where <c>kv('key')</c> reads a namespace's key-value pairs (supplied by the host; Core has no I/O).</summary>
public interface IKvStore
{
    /// <summary>False when the key does not exist (or has expired) in the namespace.</summary>
    bool TryGet(string @namespace, string key, out object? value);
}
