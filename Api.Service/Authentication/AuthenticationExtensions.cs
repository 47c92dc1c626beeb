using Microsoft.AspNetCore.Authentication;

namespace Kite.Api.Authentication;

public static class AuthenticationExtensions
{
    public const string UsernameKey = "Auth:Username";
    public const string PasswordKey = "Auth:Password";

    /// <summary>
    /// HTTP Basic with the account from <c>Auth:Username</c> / <c>Auth:Password</c>. There is no default password:
    /// without one the Api refuses to start and says which settings to give.
    /// </summary>
    public static TBuilder AddBasicAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var username = builder.Configuration[UsernameKey];
        var password = builder.Configuration[PasswordKey];
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            var missing = string.IsNullOrEmpty(username) ? UsernameKey : PasswordKey;
            throw new InvalidOperationException(
                $"{missing} is not set. The Api has no default account: set Auth__Username and Auth__Password " +
                "(the AppHost passes them to the Api), or --Auth:Username=... --Auth:Password=... on the command line.");
        }

        builder.Services
            .AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<BasicAuthenticationOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, options =>
            {
                options.Username = username;
                options.Password = password;
            });
        builder.Services.AddAuthorization();
        return builder;
    }
}
