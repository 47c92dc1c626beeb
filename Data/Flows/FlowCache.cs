using System.Collections.Concurrent;
using Kite.Core.Flows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Data.Flows;

/// <summary>
/// Parsed flow revisions by (namespace, id, revision). A revision never changes once saved, so an entry never goes
/// stale; the cache is bounded and simply starts over when full.
/// </summary>
public sealed class FlowCache(IServiceScopeFactory scopes)
{
    private const int Capacity = 2_000;
    private readonly ConcurrentDictionary<(string Namespace, string Id, int Revision), Flow> flows = new();

    public async Task<Flow?> GetAsync(string @namespace, string id, int revision, CancellationToken cancellationToken)
    {
        if (flows.TryGetValue((@namespace, id, revision), out var cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiteDbContext>();
        var source = await db.Flows.AsNoTracking()
            .Where(f => f.Namespace == @namespace && f.Id == id && f.Revision == revision)
            .Select(f => f.Source)
            .SingleOrDefaultAsync(cancellationToken);
        if (source is null || FlowReader.ReadOne(source).Flow is not { } flow)
        {
            return null;
        }

        if (flows.Count >= Capacity)
        {
            flows.Clear();
        }

        flows[(@namespace, id, revision)] = flow;
        return flow;
    }
}
