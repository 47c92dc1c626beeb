using Kite.Core.Expressions;

namespace Kite.Core.Tests.Expressions;

/// <summary>A render context shaped like one the engine builds for a task run inside a ForEach.</summary>
internal static class Contexts
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static RenderContext Standard(ISecretStore? secrets = null)
    {
        var variables = new RenderVariables()
            .Inputs(new Dictionary<string, object?>
            {
                ["name"] = "Kite",
                ["count"] = 3L,
                ["ratio"] = 0.5,
                ["flag"] = true,
                ["empty"] = "",
                ["nothing"] = null,
                ["items"] = new List<object?> { 3L, 1L, 2L },
                ["user"] = new Dictionary<string, object?> { ["first"] = "Ada", ["last"] = "Lovelace" },
                ["json"] = "{\"a\":{\"b\":[10,20]}}",
            })
            .Outputs(new Dictionary<string, object?>
            {
                ["each"] = new Dictionary<string, object?>
                {
                    ["x"] = new Dictionary<string, object?> { ["1"] = new Dictionary<string, object?> { ["value"] = "x-1" } },
                },
                ["hello-task"] = new Dictionary<string, object?> { ["value"] = "hi" },
            })
            .Vars(new Dictionary<string, object?> { ["env"] = "prod" })
            .Flow("my-flow", "company.team", 2)
            .Execution("exec1", "RUNNING", Now)
            .Task("t1", "io.kestra.plugin.core.log.Log")
            .TaskRun("run1", Now, 1, value: "1", iteration: 0)
            .Parents([new Dictionary<string, object?> { ["taskrun"] = new Dictionary<string, object?> { ["value"] = "x" } }])
            .TaskStates(new Dictionary<string, string> { ["t0"] = "SUCCESS" })
            .Build();
        return new RenderContext(variables)
        {
            Time = new FixedTime(Now),
            Secrets = secrets,
            Namespace = "company.team",
            ErrorLogs = () => [new Dictionary<string, object?> { ["message"] = "boom" }],
        };
    }

    public static string Render(string template) => TemplateEngine.Render(template, Standard());

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
