using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Kite.Data;

public sealed class KiteDbContext(DbContextOptions<KiteDbContext> options) : DbContext(options)
{
    public DbSet<FlowRecord> Flows => Set<FlowRecord>();
    public DbSet<ExecutionRecord> Executions => Set<ExecutionRecord>();
    public DbSet<TaskRunRecord> TaskRuns => Set<TaskRunRecord>();
    public DbSet<LogRecord> Logs => Set<LogRecord>();
    public DbSet<MetricRecord> Metrics => Set<MetricRecord>();
    public DbSet<TriggerRecord> Triggers => Set<TriggerRecord>();
    public DbSet<ServiceInstanceRecord> ServiceInstances => Set<ServiceInstanceRecord>();
    public DbSet<OutboxMessageRecord> Outbox => Set<OutboxMessageRecord>();
    public DbSet<ExecutionTimerRecord> ExecutionTimers => Set<ExecutionTimerRecord>();
    public DbSet<ConcurrencyLimitRecord> ConcurrencyLimits => Set<ConcurrencyLimitRecord>();
    public DbSet<QueuedExecutionRecord> ExecutionQueue => Set<QueuedExecutionRecord>();
    public DbSet<KeyValueRecord> KeyValues => Set<KeyValueRecord>();
    public DbSet<StorageChunkRecord> StorageFiles => Set<StorageChunkRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KiteDbContext).Assembly);
}
