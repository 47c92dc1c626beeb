using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kite.EndToEnd.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kite.EndToEnd.Tests;

/// <summary>
/// Two schedulers claim one two-second schedule from the same table; one of them is killed with SIGKILL mid-run and
/// restarted by the AppHost with backoff. The survivor covers the gap: every slot from before the kill to after the
/// restart fires exactly once.
/// </summary>
[Collection(ScaledSuiteCollection.Name)]
public sealed class SchedulerFailureTests(ScaledSuite scaled, ITestOutputHelper output)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_two_second_schedule_fires_each_slot_exactly_once_when_one_of_two_schedulers_is_killed()
    {
        var suite = scaled.Suite;
        using var api = await SuiteApi.ConnectAsync(suite);
        await api.SaveFlowAsync("""
            id: every-two-seconds
            namespace: kite.scaled
            triggers:
              - id: tick
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "*/2 * * * * *"
                withSeconds: true
            tasks:
              - id: slot
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  date: "{{ trigger.date }}"
            """);
        await SuiteApi.UntilAsync(async () => (await api.EndsAsync("kite.scaled", "every-two-seconds")).Count >= 3, "three slots have fired", TimeSpan.FromSeconds(60));

        var victim = (await suite.ResourcesAsync()).Single(r => r.Id == "scheduler-0");
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Process.GetProcessById(victim.Pid!.Value).Kill();
        await suite.WaitUntilAsync(rows => rows.Single(r => r.Id == "scheduler-0") is { IsUp: true, Pid: { } pid } && pid != victim.Pid,
            "scheduler-0 is restarted and healthy", TimeSpan.FromMinutes(2));
        var back = clock.Elapsed;
        var backAt = DateTimeOffset.UtcNow;
        // Three more slots with both schedulers claiming again.
        await SuiteApi.UntilAsync(async () => (await SlotsAsync(api)).Count(s => s > backAt) >= 3, "three slots fire after the restart", TimeSpan.FromSeconds(60));
        using (var delete = await api.Client.DeleteAsync("/api/v1/flows/kite.scaled/every-two-seconds"))
        {
            Assert.True(delete.IsSuccessStatusCode, $"deleting the flow answered {(int)delete.StatusCode}");
        }

        var ends = await SuiteApi.UntilAsync(async () => await api.EndsAsync("kite.scaled", "every-two-seconds") is var e && e.Values.All(v => SuiteApi.IsTerminal(v.State)) ? e : null,
            "every scheduled execution ends");
        var slots = (await SlotsAsync(api)).Order().ToList();
        var expected = Enumerable.Range(0, (int)((slots[^1] - slots[0]) / Period) + 1).Select(i => slots[0] + (i * Period)).ToList();
        var missed = expected.Except(slots).ToList();
        var doubled = slots.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        output.WriteLine($"scheduler-0 killed at {killedAt:HH:mm:ss.f}, healthy again after {back.TotalSeconds:F1} s; {slots.Count} executions for {expected.Count} slots " +
            $"from {slots[0]:HH:mm:ss} to {slots[^1]:HH:mm:ss}: {missed.Count} missed, {doubled.Count} doubled");
        output.WriteLine(string.Join(", ", slots.Select(s => s.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))));

        Assert.True(slots[0] < killedAt && slots[^1] > backAt, "the slots span the kill and the restart");
        Assert.Empty(missed);
        Assert.Empty(doubled);
        Assert.All(ends.Values, v => Assert.Equal("SUCCESS", v.State));
    }

    /// <summary>The trigger date of every execution of the scheduled flow (a slot fired twice appears twice).</summary>
    private static async Task<List<DateTimeOffset>> SlotsAsync(SuiteApi api)
    {
        var slots = new List<DateTimeOffset>();
        foreach (var id in (await api.EndsAsync("kite.scaled", "every-two-seconds")).Keys)
        {
            var execution = await api.Client.GetFromJsonAsync<JsonObject>($"/api/v1/executions/{id}");
            if (execution!["taskRunList"]?.AsArray().FirstOrDefault()?["outputs"]?["values"]?["date"] is { } date)
            {
                slots.Add(DateTimeOffset.Parse((string)date!, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return slots;
    }
}
