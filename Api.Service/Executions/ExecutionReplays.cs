using Kite.Core.Executions;
using Kite.Data;
using Kite.Data.Executions;
using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Kite.Api.Executions;

/// <summary>
/// Writes a replay: a new CREATED execution, with the task runs it keeps from the original, in one transaction.
/// Like any new execution it is the Api's to create; from its ExecutionCreated on it is the executor's.
/// </summary>
public sealed class ExecutionReplays(KiteDbContext db)
{
    /// <summary>The live execution with its task runs, for a replay or a resume check; null when there is none.</summary>
    public async Task<Execution?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var record = await db.Executions.AsNoTracking().SingleOrDefaultAsync(e => !e.Deleted && e.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var runs = await db.TaskRuns.AsNoTracking().Where(t => t.ExecutionId == id).ToListAsync(cancellationToken);
        return ExecutionMapping.ToDomain(record, runs);
    }

    public async Task InsertAsync(Execution replay, CancellationToken cancellationToken)
    {
        db.Executions.Add(ExecutionMapping.ToNewRecord(replay));
        db.TaskRuns.AddRange(replay.TaskRuns.Select((run, position) => ExecutionMapping.ToRecord(run, replay.Id, position)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
