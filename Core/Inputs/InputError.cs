namespace Kite.Core.Inputs;

/// <summary>Why one input was refused; the message names the input.</summary>
public sealed record InputError(string InputId, string Message);
