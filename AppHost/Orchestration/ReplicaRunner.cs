using Kite.AppHost.Model;
using Kite.Hosting.Processes;

namespace Kite.AppHost.Orchestration;

/// <summary>
/// One row of the dashboard: a replica of a resource, kept running by a supervision loop that relaunches it with
/// backoff when it exits unexpectedly, and probed for health while it runs.
/// </summary>
public abstract class ReplicaRunner(Resource resource, int index, ProcessRegistry registry) : IDisposable
{
    private readonly Lock gate = new();
    private readonly RestartBackoff backoff = new();
    private CancellationTokenSource? supervision;
    private Task supervisionLoop = Task.CompletedTask;
    private Launched? launched;
    private long lastHealthyProbe;

    /// <summary>
    /// A healthy replica is probed this often rather than every tick: each probe of a service runs its database and
    /// broker checks, and seven replicas probed every second were seven <c>SELECT 1</c> a second on an idle suite.
    /// One not yet healthy is probed every tick, so that what waits for it starts as soon as it can.
    /// </summary>
    public static TimeSpan HealthyProbeInterval { get; } = TimeSpan.FromSeconds(5);

    public Resource Resource { get; } = resource;
    public int Index { get; } = index;
    public string Id => Resource.Replicas > 1 ? $"{Resource.Name}-{Index}" : Resource.Name;
    public ConsoleLog Log { get; } = new();

    public ResourceState State { get; private set; } = ResourceState.NotStarted;
    public HealthStatus Health { get; private set; } = HealthStatus.Unknown;
    public string? HealthDescription { get; private set; }
    public int? ProcessId => launched is { Exited.IsCompleted: false } l ? l.ProcessId : null;
    public int Restarts { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public int? ExitCode { get; private set; }
    public virtual IReadOnlyList<string> Urls => [];

    /// <summary>Raised on every state or health change.</summary>
    public event Action<ReplicaRunner>? Changed;

    public void MarkWaiting() => SetState(ResourceState.Waiting);

    /// <summary>Starts the supervision loop; returns at once.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (!supervisionLoop.IsCompleted)
            {
                return;
            }

            supervision?.Dispose();
            supervision = new CancellationTokenSource();
            supervisionLoop = SuperviseAsync(supervision.Token);
        }
    }

    public async Task StopAsync(TimeSpan grace)
    {
        Task loop;
        lock (gate)
        {
            supervision?.Cancel();
            loop = supervisionLoop;
        }

        if (launched is { Exited.IsCompleted: false })
        {
            SetState(ResourceState.Stopping);
        }

        await ShutdownAsync(grace);
        await loop;
        if (State is not (ResourceState.Finished or ResourceState.NotStarted))
        {
            SetState(ResourceState.Stopped);
        }
    }

    public async Task RestartAsync(TimeSpan grace)
    {
        await StopAsync(grace);
        Start();
    }

    public void Dispose()
    {
        supervision?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Probes once and records the result; called by the orchestrator's health loop.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (State != ResourceState.Running)
        {
            SetHealth(HealthStatus.Unknown, null);
            return;
        }

        if (Health == HealthStatus.Healthy && System.Diagnostics.Stopwatch.GetElapsedTime(lastHealthyProbe) < HealthyProbeInterval)
        {
            return;
        }

        var (status, description) = await CheckHealthAsync(cancellationToken);
        SetHealth(status, description);
        lastHealthyProbe = status == HealthStatus.Healthy ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
    }

    /// <summary>Launches the replica and returns once it is started (for servers: once they answer).</summary>
    protected abstract Task<Launched> LaunchAsync(CancellationToken cancellationToken);

    /// <summary>Stops everything the replica launched; safe to call when nothing runs.</summary>
    protected abstract Task ShutdownAsync(TimeSpan grace);

    protected abstract Task<(HealthStatus Status, string? Description)> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>Records a launched process so that a later AppHost stops it if this one dies without doing so.</summary>
    protected ChildProcess Track(ChildProcess child)
    {
        registry.Track(child);
        return child;
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            SetState(ResourceState.Starting);
            ExitCode = null;
            try
            {
                launched = await LaunchAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.Note($"failed to start: {ex.Message}");
                SetState(ResourceState.FailedToStart);
                await ShutdownAsync(TimeSpan.FromSeconds(5));
                if (!await WaitBeforeRestartAsync(TimeSpan.Zero, stopping))
                {
                    return;
                }

                continue;
            }

            StartedAt = launched.StartedAt;
            SetState(ResourceState.Running);
            var exitCode = await launched.Exited.ConfigureAwait(false);
            ExitCode = exitCode;
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            if (Resource is ProjectResource { RunsToCompletion: true } && exitCode == 0)
            {
                Log.Note("finished (exit code 0)");
                SetState(ResourceState.Finished);
                return;
            }

            Log.Note($"exited unexpectedly with code {exitCode}");
            SetState(ResourceState.Exited);
            await ShutdownAsync(TimeSpan.FromSeconds(5));
            if (!await WaitBeforeRestartAsync(DateTimeOffset.UtcNow - launched.StartedAt, stopping))
            {
                return;
            }
        }
    }

    private async Task<bool> WaitBeforeRestartAsync(TimeSpan ranFor, CancellationToken stopping)
    {
        var delay = backoff.Next(ranFor);
        Restarts++;
        Log.Note($"restarting in {delay.TotalSeconds:0} s (restart {Restarts})");
        try
        {
            await Task.Delay(delay, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void SetState(ResourceState state)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        if (state != ResourceState.Running)
        {
            Health = HealthStatus.Unknown;
        }

        Changed?.Invoke(this);
    }

    private void SetHealth(HealthStatus status, string? description)
    {
        HealthDescription = description;
        if (Health == status)
        {
            return;
        }

        Health = status;
        Changed?.Invoke(this);
    }
}
