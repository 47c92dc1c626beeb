namespace Kite.Core.Expressions;

/// <summary>A task run's view of the secret store: every value it reads is added to its <see cref="SecretMask"/>.</summary>
public sealed class MaskingSecretStore(ISecretStore inner, SecretMask mask) : ISecretStore
{
    public string? Get(string? @namespace, string name)
    {
        var value = inner.Get(@namespace, name);
        if (value is not null)
        {
            mask.Add(value);
        }

        return value;
    }
}
