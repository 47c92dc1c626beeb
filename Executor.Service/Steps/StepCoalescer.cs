using Kite.Core.Executions.Events;

namespace Kite.Executor.Steps;

/// <summary>
/// Group commit for executor steps: while a step of an execution runs, the events that arrive for it wait together,
/// and the next step applies all of them at once. Each caller completes (and its message is acked) only when the
/// step that applied its events has committed. A loop of 2,000 iterations then costs tens of steps, not thousands.
/// </summary>
public sealed class StepCoalescer
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Mailbox> mailboxes = new(StringComparer.Ordinal);

    public Task SubmitAsync(string executionId, IReadOnlyList<ExecutionEvent> events, Func<IReadOnlyList<ExecutionEvent>, Task> step)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (gate)
        {
            if (!mailboxes.TryGetValue(executionId, out var mailbox))
            {
                mailbox = new Mailbox();
                mailboxes[executionId] = mailbox;
            }

            mailbox.Waiting.Add((events, done));
            start = !mailbox.Draining;
            mailbox.Draining = true;
        }

        if (start)
        {
            _ = DrainAsync(executionId, step);
        }

        return done.Task;
    }

    private async Task DrainAsync(string executionId, Func<IReadOnlyList<ExecutionEvent>, Task> step)
    {
        while (true)
        {
            List<(IReadOnlyList<ExecutionEvent> Events, TaskCompletionSource Done)> taken;
            lock (gate)
            {
                var mailbox = mailboxes[executionId];
                if (mailbox.Waiting.Count == 0)
                {
                    mailboxes.Remove(executionId);
                    return;
                }

                taken = mailbox.Waiting;
                mailbox.Waiting = [];
            }

            try
            {
                await step([.. taken.SelectMany(t => t.Events)]);
                taken.ForEach(t => t.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                taken.ForEach(t => t.Done.TrySetException(ex));
            }
        }
    }

    private sealed class Mailbox
    {
        public List<(IReadOnlyList<ExecutionEvent> Events, TaskCompletionSource Done)> Waiting { get; set; } = [];
        public bool Draining { get; set; }
    }
}
