namespace Kite.Data.Storage;

/// <summary>The files of one execution: everything under <c>{namespace as folders}/{flowId}/executions/{executionId}/</c>.</summary>
public sealed record ExecutionFiles(string Namespace, string FlowId, string ExecutionId)
{
    /// <summary>The path prefix of the execution's files, ending with a slash.</summary>
    public string Prefix => PrefixOf(Namespace, FlowId, ExecutionId);

    internal static string PrefixOf(string @namespace, string flowId, string executionId) =>
        $"{@namespace.Replace('.', '/')}/{flowId}/executions/{executionId}/";
}
