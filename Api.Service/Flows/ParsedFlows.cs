using Kite.Core.Flows;

namespace Kite.Api.Flows;

/// <summary>
/// Flow revisions already read from YAML, by (namespace, id, revision): parsing is most of a webhook call's CPU, and
/// a saved revision never changes (a save appends the next one). Callers still query the latest revision each time,
/// so a revision saved on another replica is served at once; only its parse is kept. A hit also compares the source,
/// so a revision number reused under a running Api (a database restored or recreated) is parsed again, never served
/// stale. Bounded in entries and in source characters; the least recently used revision goes first.
/// </summary>
public sealed class ParsedFlows
{
    private const int MaxRevisions = 1_000;
    private const long MaxSourceChars = 16_000_000;

    private readonly Dictionary<(string Namespace, string Id, int Revision), LinkedListNode<Entry>> entries = [];
    private readonly LinkedList<Entry> recency = new();
    private readonly Lock gate = new();
    private long sourceChars;

    /// <summary>The revision's flow as <see cref="FlowReader.ReadOne"/> reads it; the result is shared, so never change it.</summary>
    public FlowDocument Read(StoredFlow stored)
    {
        var key = (stored.Namespace, stored.Id, stored.Revision);
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node) && string.Equals(node.Value.Source, stored.Source, StringComparison.Ordinal))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return node.Value.Document;
            }
        }

        // Parsed outside the lock: two first calls for one revision parse it twice rather than queue behind each other.
        var document = FlowReader.ReadOne(stored.Source);
        lock (gate)
        {
            Remove(key);
            entries[key] = recency.AddFirst(new Entry(key, stored.Source, document));
            sourceChars += stored.Source.Length;
            while (entries.Count > MaxRevisions || (sourceChars > MaxSourceChars && entries.Count > 1))
            {
                Remove(recency.Last!.Value.Key);
            }
        }

        return document;
    }

    private void Remove((string Namespace, string Id, int Revision) key)
    {
        if (entries.Remove(key, out var node))
        {
            recency.Remove(node);
            sourceChars -= node.Value.Source.Length;
        }
    }

    private sealed record Entry((string Namespace, string Id, int Revision) Key, string Source, FlowDocument Document);
}
