using Kite.Core.Flows;
using Kite.Core.Tasks;
using Kite.Core.Triggers;

namespace Kite.Core.Tests.Validation;

/// <summary>Each task and trigger type, written with its required properties only, reads into its class and kind.</summary>
public class TaskTypeTests
{
    private const string Child = "\n      - id: c\n        type: io.kestra.plugin.core.debug.Return";

    public static TheoryData<string, string, string, TaskKind> Tasks() => new()
    {
        { "log.Log", "message: hi", "Log", TaskKind.Runnable },
        { "log.PurgeLogs", "endDate: \"{{ now() }}\"", "PurgeLogs", TaskKind.Runnable },
        { "output.OutputValues", "values:\n      a: 1", "OutputValues", TaskKind.Runnable },
        { "debug.Return", "format: x", "Return", TaskKind.Runnable },
        { "flow.Sleep", "duration: PT1S", "Sleep", TaskKind.Runnable },
        { "execution.Fail", "errorMessage: no", "Fail", TaskKind.Runnable },
        { "execution.Assert", "conditions:\n      - \"{{ true }}\"", "Assert", TaskKind.Runnable },
        { "execution.Exit", "state: KILLED", "Exit", TaskKind.ExecutionUpdating },
        { "execution.Labels", "labels:\n      - key: k\n        value: v", "Labels", TaskKind.ExecutionUpdating },
        { "execution.SetVariables", "variables:\n      a: 1", "SetVariables", TaskKind.ExecutionUpdating },
        { "execution.UnsetVariables", "variables: [a]", "UnsetVariables", TaskKind.ExecutionUpdating },
        { "execution.PurgeExecutions", "endDate: \"{{ now() }}\"\n    batchSize: 50", "PurgeExecutions", TaskKind.Runnable },
        { "flow.If", "condition: \"{{ true }}\"\n    then:" + Child, "If", TaskKind.Flowable },
        { "flow.Switch", "value: A\n    cases:\n      A:\n        - id: c\n          type: io.kestra.plugin.core.debug.Return", "Switch", TaskKind.Flowable },
        { "flow.Sequential", "tasks:" + Child, "Sequential", TaskKind.Flowable },
        { "flow.Parallel", "concurrent: 2\n    tasks:" + Child, "Parallel", TaskKind.Flowable },
        { "flow.ForEach", "values: [1, 2]\n    tasks:" + Child, "ForEach", TaskKind.Flowable },
        { "flow.Dag", "tasks:\n      - task:\n          id: c\n          type: io.kestra.plugin.core.debug.Return", "Dag", TaskKind.Flowable },
        { "flow.LoopUntil", "condition: \"{{ true }}\"\n    checkFrequency:\n      maxIterations: 3\n      interval: PT1S\n    tasks:" + Child, "LoopUntil", TaskKind.Flowable },
        { "flow.AllowFailure", "tasks:" + Child, "AllowFailure", TaskKind.Flowable },
        { "flow.Pause", "pauseDuration: PT1M\n    behavior: RESUME\n    onResume:\n      - id: ok\n        type: BOOL", "Pause", TaskKind.Flowable },
        { "flow.Subflow", "namespace: company.team\n    flowId: child\n    inputs:\n      a: 1", "Subflow", TaskKind.Executable },
        { "http.Request", "uri: https://example.com\n    method: POST\n    body: \"{}\"", "Request", TaskKind.Runnable },
        { "http.Download", "uri: https://example.com/file", "Download", TaskKind.Runnable },
        { "kv.Set", "key: k\n    value: v\n    ttl: P1D", "KvSet", TaskKind.Runnable },
        { "kv.Get", "key: k\n    errorOnMissing: true", "KvGet", TaskKind.Runnable },
        { "kv.Delete", "key: k", "KvDelete", TaskKind.Runnable },
        { "storage.Write", "content: hello\n    extension: .txt", "Write", TaskKind.Runnable },
    };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Task_type_reads_into_its_class(string type, string properties, string className, TaskKind kind)
    {
        var document = FlowReader.ReadOne($"id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.{type}\n    {properties}\n");

        Assert.Empty(document.Violations);
        var task = document.Flow!.Tasks[0];
        Assert.Equal(className, task.GetType().Name);
        Assert.Equal(kind, task.Kind);
    }

    [Theory]
    [InlineData("io.kestra.plugin.scripts.shell.Script", "script: echo hi", "Script")]
    [InlineData("io.kestra.plugin.scripts.shell.Commands", "commands: [echo hi]\n    env:\n      A: b", "Commands")]
    [InlineData("io.kestra.plugin.transform.jsonata.TransformValue", "from: \"{}\"\n    expression: a", "TransformValue")]
    public void Plugin_task_type_reads_into_its_class(string type, string properties, string className)
    {
        var document = FlowReader.ReadOne($"id: f\nnamespace: n\ntasks:\n  - id: t\n    type: {type}\n    {properties}\n");

        Assert.Empty(document.Violations);
        Assert.Equal(className, document.Flow!.Tasks[0].GetType().Name);
    }

    [Theory]
    [InlineData("io.kestra.plugin.core.trigger.Schedule", "cron: \"@daily\"\n    timezone: Europe/Paris\n    recoverMissedSchedules: LAST", typeof(Schedule))]
    [InlineData("io.kestra.plugin.core.trigger.Webhook", "key: abc\n    wait: true\n    returnOutputs: true", typeof(Webhook))]
    [InlineData("io.kestra.plugin.core.trigger.Flow", "states: [SUCCESS, FAILED]\n    conditions:\n      - type: io.kestra.plugin.core.condition.ExecutionFlow\n        namespace: a\n        flowId: b", typeof(FlowTrigger))]
    [InlineData("io.kestra.plugin.core.http.Trigger", "uri: https://example.com\n    interval: PT30S\n    responseCondition: \"{{ response.statusCode == 200 }}\"", typeof(HttpTrigger))]
    [InlineData("io.kestra.core.models.triggers.types.Schedule", "cron: \"*/5 * * * *\"", typeof(Schedule))]
    public void Trigger_type_reads_into_its_class(string type, string properties, Type expected)
    {
        var document = FlowReader.ReadOne($"id: f\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.Return\ntriggers:\n  - id: tr\n    type: {type}\n    {properties}\n");

        Assert.Empty(document.Violations);
        Assert.IsType(expected, document.Flow!.Triggers![0]);
    }
}
