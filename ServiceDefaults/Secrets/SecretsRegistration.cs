using Kite.Core.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.ServiceDefaults.Secrets;

public static class SecretsRegistration
{
    /// <summary>SECRET inputs' cipher, for a service that creates or reads executions' inputs.</summary>
    public static IServiceCollection AddInputEncryption(this IServiceCollection services) =>
        services.AddSingleton<InputEncryption>();

    /// <summary>SECRET inputs' cipher and <c>secret()</c>'s store, for a service that renders tasks.</summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services) =>
        services.AddInputEncryption().AddSingleton<ISecretStore, ConfigurationSecretStore>();
}
