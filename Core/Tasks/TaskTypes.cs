using Kite.Core.Flows.Reading;
using Kite.Core.Tasks.Debug;
using Kite.Core.Tasks.ExecutionControl;
using Kite.Core.Tasks.Flowable;
using Kite.Core.Tasks.Http;
using Kite.Core.Tasks.KeyValue;
using Kite.Core.Tasks.Logs;
using Kite.Core.Tasks.Outputs;
using Kite.Core.Tasks.Scripts;
using Kite.Core.Tasks.Storage;
using Kite.Core.Tasks.Transform;
using Parallel = Kite.Core.Tasks.Flowable.Parallel;

namespace Kite.Core.Tasks;

/// <summary>The task types Kite knows, by Kestra's full names and legacy aliases. Adding a task type adds one line here.</summary>
public static class TaskTypes
{
    private const string Core = "io.kestra.plugin.core.";
    private const string Legacy = "io.kestra.core.tasks.";

    public static TypeCatalog Catalog { get; } = new TypeCatalog()
        .Add<Log>(Core + "log.Log", Legacy + "log.Log")
        .Add<PurgeLogs>(Core + "log.PurgeLogs", Legacy + "log.PurgeLogs")
        .Add<OutputValues>(Core + "output.OutputValues", Legacy + "outputs.OutputValues")
        .Add<Return>(Core + "debug.Return", Legacy + "debugs.Return")
        .Add<Sleep>(Core + "flow.Sleep", Legacy + "flows.Sleep")
        .Add<Fail>(Core + "execution.Fail", Legacy + "executions.Fail")
        .Add<Assert>(Core + "execution.Assert")
        .Add<Exit>(Core + "execution.Exit")
        .Add<Labels>(Core + "execution.Labels", Legacy + "executions.Labels")
        .Add<SetVariables>(Core + "execution.SetVariables")
        .Add<UnsetVariables>(Core + "execution.UnsetVariables")
        .Add<PurgeExecutions>(Core + "execution.PurgeExecutions", Legacy + "storages.Purge", Core + "storage.Purge")
        .Add<If>(Core + "flow.If", Legacy + "flows.If")
        .Add<Switch>(Core + "flow.Switch", Legacy + "flows.Switch")
        .Add<Sequential>(Core + "flow.Sequential", Legacy + "flows.Sequential")
        .Add<Parallel>(Core + "flow.Parallel", Legacy + "flows.Parallel")
        .Add<ForEach>(Core + "flow.ForEach")
        .Add<Dag>(Core + "flow.Dag", Legacy + "flows.Dag")
        .Add<LoopUntil>(Core + "flow.LoopUntil", Core + "flow.WaitFor", Legacy + "flows.WaitFor")
        .Add<AllowFailure>(Core + "flow.AllowFailure", Legacy + "flows.AllowFailure")
        .Add<Pause>(Core + "flow.Pause", Legacy + "flows.Pause")
        .Add<Subflow>(Core + "flow.Subflow", Legacy + "flows.Subflow", Legacy + "flows.Flow")
        .Add<Request>(Core + "http.Request", "io.kestra.plugin.fs.http.Request")
        .Add<Download>(Core + "http.Download", "io.kestra.plugin.fs.http.Download")
        .Add<KvSet>(Core + "kv.Set")
        .Add<KvGet>(Core + "kv.Get")
        .Add<KvDelete>(Core + "kv.Delete")
        .Add<Write>(Core + "storage.Write")
        .Add<Commands>("io.kestra.plugin.scripts.shell.Commands")
        .Add<Script>("io.kestra.plugin.scripts.shell.Script")
        .Add<TransformValue>("io.kestra.plugin.transform.jsonata.TransformValue");

    public static TypeCatalog Runners { get; } = new TypeCatalog()
        .Add<ProcessTaskRunner>(Core + "runner.Process");
}
