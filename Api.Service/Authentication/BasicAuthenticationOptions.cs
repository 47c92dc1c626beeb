using Microsoft.AspNetCore.Authentication;

namespace Kite.Api.Authentication;

/// <summary>The one account of the Api, from <c>Auth:Username</c> and <c>Auth:Password</c>.</summary>
public sealed class BasicAuthenticationOptions : AuthenticationSchemeOptions
{
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";
}
