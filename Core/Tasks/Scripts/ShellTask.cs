namespace Kite.Core.Tasks.Scripts;

/// <summary>The properties shared by the shell script tasks.</summary>
public abstract class ShellTask : RunnableTask
{
    public List<string>? BeforeCommands { get; set; }

    public List<string>? Interpreter { get; set; }

    public Dictionary<string, string>? Env { get; set; }

    public TaskRunner? TaskRunner { get; set; }

    public string? ContainerImage { get; set; }

    public bool WarningOnStdErr { get; set; } = true;

    public bool FailFast { get; set; } = true;

    /// <summary>A map of file name to content, or an expression rendering to one.</summary>
    public object? InputFiles { get; set; }

    public List<string>? OutputFiles { get; set; }

    public Dictionary<string, object?>? NamespaceFiles { get; set; }

    public string? TargetOS { get; set; }
}
