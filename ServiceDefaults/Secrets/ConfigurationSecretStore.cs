using System.Text;
using Kite.Core.Expressions;
using Microsoft.Extensions.Configuration;

namespace Kite.ServiceDefaults.Secrets;

/// <summary>
/// <c>secret('NAME')</c> from the service's configuration: <c>Kite:Secrets:NAME</c> as plain text (appsettings, a
/// Kubernetes Secret mounted as environment <c>Kite__Secrets__NAME</c>), else Kestra's convention, the environment
/// variable <c>SECRET_NAME</c> holding the value in base64. Every namespace sees the same secrets, as in Kestra's
/// open-source edition.
/// </summary>
public sealed class ConfigurationSecretStore(IConfiguration configuration) : ISecretStore
{
    public string? Get(string? @namespace, string name)
    {
        if (configuration[$"Kite:Secrets:{name}"] is { } plain)
        {
            return plain;
        }

        if (configuration[$"SECRET_{name}"] is not { } encoded)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
        }
        catch (FormatException)
        {
            throw new ExpressionException($"secret '{name}': the environment variable SECRET_{name} is not base64 (Kestra's convention); give the plain value as Kite__Secrets__{name} instead");
        }
    }
}
