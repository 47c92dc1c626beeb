namespace Kite.Core.Triggers.Conditions;

/// <summary>How <see cref="ExecutionNamespace"/> compares namespaces.</summary>
public enum NamespaceComparison
{
    Equals,
    Prefix,
    Suffix,
}
