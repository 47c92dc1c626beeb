using Kite.Core.Secrets;
using Microsoft.Extensions.Configuration;

namespace Kite.ServiceDefaults.Secrets;

/// <summary>
/// The cipher of SECRET inputs, from <c>Kite:Encryption:SecretKey</c> (Kestra's <c>kestra.encryption.secret-key</c>),
/// which the Api, Scheduler, Executor and Worker must share. Without it, SECRET inputs are refused with that advice.
/// </summary>
public sealed class InputEncryption(IConfiguration configuration)
{
    public const string KeySetting = "Kite:Encryption:SecretKey";

    /// <summary>Null when no key is configured; throws at the first use when the key is too short.</summary>
    public SecretCipher? Cipher { get; } = configuration[KeySetting] is { Length: > 0 } key ? new SecretCipher(key) : null;
}
