using System.Numerics;
using System.Security.Cryptography;

namespace Kite.Api.Executions;

/// <summary>Execution ids as Kestra makes them: 128 random bits in base 62, 22 characters (<c>4wjtkzwVGBM9yKnjm3yv8r</c>).</summary>
public static class ExecutionIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const int Length = 22;

    public static string New()
    {
        var number = new BigInteger(RandomNumberGenerator.GetBytes(16), isUnsigned: true);
        var id = new char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            number = BigInteger.DivRem(number, Alphabet.Length, out var digit);
            id[i] = Alphabet[(int)digit];
        }

        return new string(id);
    }
}
