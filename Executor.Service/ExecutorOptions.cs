using Kite.Core.Executions;

namespace Kite.Executor;

/// <summary>Settings of <c>Kite:Executor</c>.</summary>
public sealed class ExecutorOptions
{
    /// <summary>
    /// Steps running at once in this process; steps of the same execution always share a partition and run one at a
    /// time. A step spends most of its time waiting on PostgreSQL and RabbitMQ, not on a core, so one per core (Kestra's
    /// thread count, seed 004) starves it: on 2 cores webhook-simple at 20/s ended 808/min with 2 partitions and
    /// 1025/min with 16 (p50 18 s against 7 s, same machine, back to back). Default: 8 per core, at least 16.
    /// </summary>
    public int Partitions { get; set; } = Math.Max(16, 8 * Environment.ProcessorCount);

    /// <summary>Most worker results of one execution applied in one step.</summary>
    public int ResultBatchSize { get; set; } = 100;

    /// <summary>How long the first result of a batch waits for others of the same execution.</summary>
    public TimeSpan ResultBatchWait { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Outbox messages older than this that are still there (the executor died before sending them) are sent by the sweeper.</summary>
    public TimeSpan OutboxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long sent outbox rows wait for a step of this process to delete them in its own transaction before they are
    /// deleted in one of their own (many at once). Far below <see cref="OutboxRetryAfter"/>, so that the sweeper does
    /// not send them again.
    /// </summary>
    public TimeSpan OutboxDeleteAfter { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest an executor goes without reading for due timers. Timers that a step of this process commits fire
    /// when due, whatever this is; the poll finds those that another replica added and did not fire (it died, or
    /// left them when it stopped). Each poll is one read, no transaction; a claim writes only when a timer is due.
    /// </summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the sweeper looks for executions that stopped moving.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one render of an expression may take in a step (runIf, Subflow inputs, Pause durations, ForEach
    /// values, flow outputs). The step holds the execution's row lock meanwhile, so this is shorter than a worker's
    /// 10 s; past it the task run fails with a message naming the limit.
    /// </summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The most a job's variables may take in its message; a task run whose variables (the outputs its task reads) are
    /// larger fails naming them. 15 MiB stays under RabbitMQ 4's default <c>max_message_size</c> of 16 MiB.
    /// </summary>
    public long MaxJobBytes { get; set; } = 15 * MessageSize.Mebibyte;

    /// <summary>
    /// Task runs of executions kept in memory between their steps (see <c>KeptExecutions</c>), about 1 KB each; an
    /// execution with more runs than this is read from PostgreSQL in each of its steps. 0 keeps none.
    /// </summary>
    public int KeptTaskRuns { get; set; } = 50_000;

    /// <summary>How long an execution may stay CREATED, or RUNNING with nothing open, before the sweeper re-drives it.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(1);
}
