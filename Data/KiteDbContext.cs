using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Kite.Data;

public sealed class KiteDbContext : DbContext
{
    /// <summary>
    /// No savepoints: EF Core wraps every SaveChanges inside a caller's transaction in SAVEPOINT/RELEASE (two round
    /// trips per executor step) so that the caller could go on after a failed save; no caller here does, a failed
    /// save ends its transaction.
    /// </summary>
    public KiteDbContext(DbContextOptions<KiteDbContext> options)
        : base(options) => Database.AutoSavepointsEnabled = false;

    public DbSet<FlowRecord> Flows => Set<FlowRecord>();
    public DbSet<ExecutionRecord> Executions => Set<ExecutionRecord>();
    public DbSet<TaskRunRecord> TaskRuns => Set<TaskRunRecord>();
    public DbSet<LogRecord> Logs => Set<LogRecord>();
    public DbSet<MetricRecord> Metrics => Set<MetricRecord>();
    public DbSet<TriggerRecord> Triggers => Set<TriggerRecord>();
    public DbSet<ServiceInstanceRecord> ServiceInstances => Set<ServiceInstanceRecord>();
    public DbSet<OutboxMessageRecord> Outbox => Set<OutboxMessageRecord>();
    public DbSet<PurgeRecord> Purges => Set<PurgeRecord>();
    public DbSet<ExecutionTimerRecord> ExecutionTimers => Set<ExecutionTimerRecord>();
    public DbSet<ConcurrencyLimitRecord> ConcurrencyLimits => Set<ConcurrencyLimitRecord>();
    public DbSet<QueuedExecutionRecord> ExecutionQueue => Set<QueuedExecutionRecord>();
    public DbSet<KeyValueRecord> KeyValues => Set<KeyValueRecord>();
    public DbSet<StorageChunkRecord> StorageFiles => Set<StorageChunkRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KiteDbContext).Assembly);
}
