namespace Kite.AppHost;

/// <summary>The Api's Basic credentials: from <c>Auth:Username</c> / <c>Auth:Password</c>, or a password generated once and kept in the data folder.</summary>
public sealed record ApiCredentials(string Username, string Password);
