namespace Kite.Core.Tasks;

/// <summary>A task carried out by a worker.</summary>
public abstract class RunnableTask : TaskDefinition
{
    public override TaskKind Kind => TaskKind.Runnable;
}
