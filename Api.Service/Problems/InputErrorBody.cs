namespace Kite.Api.Problems;

/// <summary>One refused input of an execution.</summary>
public sealed record InputErrorBody(string Input, string Message);
