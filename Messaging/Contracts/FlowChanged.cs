namespace Kite.Messaging.Contracts;

/// <summary>Published by the Api after a flow revision is saved or deleted.</summary>
public sealed record FlowChanged(string Namespace, string FlowId, int Revision, bool Deleted);
