using Kite.Data;
using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kite.ServiceDefaults.ServiceInstances;

/// <summary>
/// Writes this instance's <c>service_instance</c> row, refreshes its heartbeat, marks it STOPPED on a graceful
/// shutdown, and deletes rows of instances silent for longer than the retention.
/// </summary>
internal sealed class ServiceInstanceHeartbeat(
    IServiceScopeFactory scopes,
    ServiceInstanceIdentity identity,
    IOptions<ServiceInstanceOptions> options,
    TimeProvider clock,
    ILogger<ServiceInstanceHeartbeat> logger) : BackgroundService
{
    public const string Running = "RUNNING";
    public const string Stopped = "STOPPED";
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);
    private DateTimeOffset lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registered = false;
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KiteDbContext>();
                if (!registered)
                {
                    await RegisterAsync(db, stoppingToken);
                    registered = true;
                }
                else
                {
                    await BeatAsync(db, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Heartbeat of {ServiceType} instance {InstanceId} failed; retrying", identity.ServiceType, identity.Id);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KiteDbContext>();
            await db.ServiceInstances.Where(i => i.Id == identity.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.State, Stopped).SetProperty(i => i.HeartbeatAt, clock.GetUtcNow()), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first: the row goes stale and is deleted after the retention.
            logger.LogWarning("Instance {InstanceId} not marked stopped: the shutdown timeout ran out", identity.Id);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not mark instance {InstanceId} stopped", identity.Id);
        }
    }

    private async Task RegisterAsync(KiteDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.ServiceInstances.Add(new ServiceInstanceRecord
        {
            Id = identity.Id,
            ServiceType = identity.ServiceType,
            Host = identity.Host,
            ProcessId = identity.ProcessId,
            State = Running,
            StartedAt = now,
            HeartbeatAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Registered {ServiceType} instance {InstanceId} (pid {ProcessId})", identity.ServiceType, identity.Id, identity.ProcessId);
        await DeleteExpiredAsync(db, now, cancellationToken);
    }

    private async Task BeatAsync(KiteDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.ServiceInstances.Where(i => i.Id == identity.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.HeartbeatAt, now).SetProperty(i => i.State, Running), cancellationToken);
        if (now - lastCleanup >= CleanupInterval)
        {
            await DeleteExpiredAsync(db, now, cancellationToken);
        }
    }

    private async Task DeleteExpiredAsync(KiteDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lastCleanup = now;
        var threshold = now - options.Value.Retention;
        var deleted = await db.ServiceInstances.Where(i => i.HeartbeatAt < threshold).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} service instance row(s) silent since before {Threshold}", deleted, threshold);
        }
    }
}
