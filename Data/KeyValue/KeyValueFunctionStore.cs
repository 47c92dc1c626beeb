using Kite.Core.Expressions;
using Kite.Core.Values;

namespace Kite.Data.KeyValue;

/// <summary>The <c>kv()</c> expression function's view of <see cref="KeyValueStore"/>. Core renders synchronously, so this blocks on the query.</summary>
public sealed class KeyValueFunctionStore(KeyValueStore store) : IKvStore
{
    public bool TryGet(string @namespace, string key, out object? value)
    {
        var entry = store.GetAsync(@namespace, key, CancellationToken.None).GetAwaiter().GetResult();
        value = entry is null ? null : PlainJson.Parse(entry.Value);
        return entry is not null;
    }
}
