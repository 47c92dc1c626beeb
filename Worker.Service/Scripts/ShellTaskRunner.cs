using System.Globalization;
using Kite.Core.Executions;
using Kite.Core.Tasks.Scripts;
using Kite.Worker.Jobs;
using Kite.Worker.Runners;
using Microsoft.Extensions.Options;

namespace Kite.Worker.Scripts;

/// <summary>
/// Runs a shell task with the Process task runner: its lines (after <c>beforeCommands</c>, with <c>set -e</c> when
/// <c>failFast</c> and the interpreter is a shell) as the last argument of <c>interpreter</c> (<c>/bin/sh -c</c>), in a
/// working directory of its own, with <c>env</c>. Stdout lines are INFO logs and stderr lines ERROR logs (as Kestra
/// since 0.21), except <see cref="ScriptMessage"/> lines; a non-zero exit code fails the task with the last stderr
/// lines. Outputs: <c>exitCode</c>, <c>vars</c>, <c>outputFiles</c>; a script whose outputs lines pass
/// <c>Kite:Worker:MaxOutputBytes</c> is stopped and fails naming the limit.
/// </summary>
public abstract class ShellTaskRunner<TTask>(IOptions<WorkerOptions> options) : TaskRunner<TTask> where TTask : ShellTask
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

        var limit = options.Value.MaxOutputBytes;
        var vars = new ScriptVars();
        var joiners = new[] { new ScriptLineJoiner(limit), new ScriptLineJoiner(limit) };
        var stderr = new Queue<string>();
        var stderrLines = 0;
        string? refused = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exitCode = -1;
        try
        {
            exitCode = await ScriptProcess.RunAsync(command, directory.Path, Environment(task, run), async line =>
            {
                var joiner = joiners[line.IsStdErr ? 1 : 0];
                if (refused is not null || joiner.Join(line) is not { } text)
                {
                    refused ??= joiner.TooLong ? $"an outputs line (::{{...}}::) passed {limit:N0} characters" : null;
                    StopIf(refused is not null, stop);
                    return;
                }

                if (ScriptMessage.TryParse(text, out var message))
                {
                    foreach (var (name, value) in message.Outputs)
                    {
                        vars.Set(name, value);
                    }

                    refused = vars.Bytes > limit ? $"its outputs (vars) passed {vars.Bytes:N0} bytes" : null;
                    StopIf(refused is not null, stop);
                    await message.RecordMetricsAsync(run, cancellationToken);
                    return;
                }

                if (line.IsStdErr)
                {
                    stderrLines++;
                    stderr.Enqueue(text.Length > LineReader.MaxLineChars ? text[..LineReader.MaxLineChars] : text);
                    if (stderr.Count > StderrLinesInMessage)
                    {
                        stderr.Dequeue();
                    }
                }

                // A joined line that was not a message after all is logged in pieces, as any long line is.
                for (var at = 0; at == 0 || at < text.Length; at += LineReader.MaxLineChars)
                {
                    await run.LogAsync(line.IsStdErr ? "ERROR" : "INFO", text.Substring(at, Math.Min(LineReader.MaxLineChars, text.Length - at)), cancellationToken);
                }
            }, stop.Token);
        }
        catch (OperationCanceledException) when (refused is not null && !cancellationToken.IsCancellationRequested)
        {
            // Stopped below.
        }

        if (refused is not null)
        {
            throw OutputLimit.Exceeded(refused, limit);
        }

        if (exitCode != 0)
        {
            var tail = stderr.Count == 0 ? "" : ": " + string.Join(" | ", stderr);
            throw new TaskFailedException($"command exited with code {exitCode.ToString(CultureInfo.InvariantCulture)}{tail}");
        }

        context.Warning = task.WarningOnStdErr && stderrLines > 0;
        var outputs = new Dictionary<string, object?> { ["exitCode"] = (long)exitCode, ["vars"] = vars.Values };
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

    private static void StopIf(bool refused, CancellationTokenSource stop)
    {
        if (refused)
        {
            stop.Cancel();
        }
    }
}
