using System.Globalization;
using Kite.Core.Executions;
using Kite.Core.Tasks.Scripts;
using Kite.Worker.Jobs;
using Kite.Worker.Runners;

namespace Kite.Worker.Scripts;

/// <summary>
/// Runs a shell task with the Process task runner: its lines (after <c>beforeCommands</c>, with <c>set -e</c> when
/// <c>failFast</c> and the interpreter is a shell) as the last argument of <c>interpreter</c> (<c>/bin/sh -c</c>), in a
/// working directory of its own, with <c>env</c>. Stdout lines are INFO logs and stderr lines ERROR logs (as Kestra
/// since 0.21), except <see cref="ScriptMessage"/> lines; a non-zero exit code fails the task with the last stderr
/// lines. Outputs: <c>exitCode</c>, <c>vars</c>, <c>outputFiles</c>.
/// </summary>
public abstract class ShellTaskRunner<TTask> : TaskRunner<TTask> where TTask : ShellTask
{
    private const int StderrLinesInMessage = 10;
    private static readonly string[] DefaultInterpreter = ["/bin/sh", "-c"];
    private static readonly string[] InheritedEnvironment = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER", "TMPDIR"];

    /// <summary>The task's own lines, before rendering.</summary>
    protected abstract IEnumerable<string> Lines(TTask task);

    protected override async Task<Dictionary<string, object?>?> RunAsync(TTask task, TaskRunContext context, CancellationToken cancellationToken)
    {
        if (task.TaskRunner is { } runner and not ProcessTaskRunner)
        {
            throw new TaskFailedException($"taskRunner {runner.Type} is not supported: Kite runs scripts with io.kestra.plugin.core.runner.Process");
        }

        using var directory = new ScriptWorkingDirectory();
        var run = context.With(new Dictionary<string, object?> { ["workingDir"] = directory.Path });
        await directory.WriteInputFilesAsync(task.InputFiles, run, cancellationToken);

        var interpreter = task.Interpreter is { Count: > 0 } given ? given.Select(run.RenderText).ToList() : [.. DefaultInterpreter];
        var failFast = task.FailFast && Path.GetFileName(interpreter[0]) is "sh" or "bash" or "dash" or "zsh" or "ksh";
        var script = (failFast ? ["set -e"] : Array.Empty<string>()).Concat(task.BeforeCommands ?? []).Concat(Lines(task)).Select(run.RenderText);
        var command = interpreter.Append(string.Join('\n', script)).ToList();

        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        var stderr = new Queue<string>();
        var stderrLines = 0;
        var exitCode = await ScriptProcess.RunAsync(command, directory.Path, Environment(task, run), async (line, isStdErr) =>
        {
            if (ScriptMessage.TryParse(line, out var message))
            {
                foreach (var (name, value) in message.Outputs)
                {
                    vars[name] = value;
                }

                await message.RecordMetricsAsync(run, cancellationToken);
                return;
            }

            if (isStdErr)
            {
                stderrLines++;
                stderr.Enqueue(line);
                if (stderr.Count > StderrLinesInMessage)
                {
                    stderr.Dequeue();
                }
            }

            await run.LogAsync(isStdErr ? "ERROR" : "INFO", line, cancellationToken);
        }, cancellationToken);

        if (exitCode != 0)
        {
            var tail = stderr.Count == 0 ? "" : ": " + string.Join(" | ", stderr);
            throw new TaskFailedException($"command exited with code {exitCode.ToString(CultureInfo.InvariantCulture)}{tail}");
        }

        context.Warning = task.WarningOnStdErr && stderrLines > 0;
        var outputs = new Dictionary<string, object?> { ["exitCode"] = (long)exitCode, ["vars"] = vars };
        if (task.OutputFiles is { Count: > 0 } globs)
        {
            outputs["outputFiles"] = await directory.UploadOutputFilesAsync(globs.Select(run.RenderText), run, cancellationToken);
        }

        return outputs;
    }

    /// <summary>The few variables a shell needs from the worker (never its connection strings or credentials), then the task's <c>env</c>.</summary>
    private static Dictionary<string, string> Environment(TTask task, TaskRunContext context)
    {
        var environment = InheritedEnvironment
            .Select(name => (name, value: System.Environment.GetEnvironmentVariable(name)))
            .Where(v => v.value is not null)
            .ToDictionary(v => v.name, v => v.value!, StringComparer.Ordinal);
        foreach (var (name, value) in task.Env ?? [])
        {
            environment[name] = context.RenderText(value);
        }

        return environment;
    }
}
