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

    /// <summary>How often due timers (retries, pause ends, loop checks) are looked for.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the sweeper looks for executions that stopped moving.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one render of an expression may take in a step (runIf, Subflow inputs, Pause durations, ForEach
    /// values, flow outputs). The step holds the execution's row lock meanwhile, so this is shorter than a worker's
    /// 10 s; past it the task run fails with a message naming the limit.
    /// </summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Task runs of executions kept in memory between their steps (see <c>KeptExecutions</c>), about 1 KB each; an
    /// execution with more runs than this is read from PostgreSQL in each of its steps. 0 keeps none.
    /// </summary>
    public int KeptTaskRuns { get; set; } = 50_000;

    /// <summary>How long an execution may stay CREATED, or RUNNING with nothing open, before the sweeper re-drives it.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(1);
}
