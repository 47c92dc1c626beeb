using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Kite.Scheduler.Executions;

/// <summary>
/// Execution ids derived from what caused them (22 base-62 characters, like any execution id), so that handling the
/// same event twice (a redelivery after a crash) writes the same id and the second insert is skipped.
/// </summary>
public static class DeterministicIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string For(string cause)
    {
        var number = new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(cause)).AsSpan(0, 16), isUnsigned: true);
        var id = new char[22];
        for (var i = id.Length - 1; i >= 0; i--)
        {
            number = BigInteger.DivRem(number, Alphabet.Length, out var digit);
            id[i] = Alphabet[(int)digit];
        }

        return new string(id);
    }
}
