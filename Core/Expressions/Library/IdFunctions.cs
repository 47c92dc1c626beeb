using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Kite.Core.Expressions.Library;

/// <summary>Kestra's identifier functions: <c>id()</c>, <c>ksuid()</c>, <c>nanoId(length, alphabet)</c>, <c>randomInt(lower, upper)</c>.</summary>
internal static class IdFunctions
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string NanoIdAlphabet = "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>KSUID epoch: 2014-05-13T16:53:20Z.</summary>
    private const long KsuidEpoch = 1_400_000_000;

    public static IReadOnlyDictionary<string, Function> All { get; } = new Dictionary<string, Function>(StringComparer.Ordinal)
    {
        ["id"] = (_, scope) => Id(scope.Context.Random),
        ["ksuid"] = (_, scope) => Ksuid(scope.Context.Random, scope.Context.Time.GetUtcNow()),
        ["nanoId"] = NanoId,
        ["randomInt"] = RandomInt,
    };

    /// <summary>Kestra's IdUtils.create(): a random UUID written in base 62 (22 characters at most), safe in ids and URLs.</summary>
    private static string Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return ToBase62(new BigInteger(bytes, isUnsigned: true, isBigEndian: true), 0);
    }

    /// <summary>A K-Sortable Unique ID: 4 bytes of seconds since the KSUID epoch and 16 random bytes, 27 base-62 characters.</summary>
    private static string Ksuid(Random random, DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(now.ToUnixTimeSeconds() - KsuidEpoch));
        random.NextBytes(bytes[4..]);
        return ToBase62(new BigInteger(bytes, isUnsigned: true, isBigEndian: true), 27);
    }

    private static object NanoId(Arguments args, Scope scope)
    {
        var length = args.Long(0, "length", 21);
        var alphabet = args.String(1, "alphabet") ?? NanoIdAlphabet;
        if (length <= 0 || alphabet.Length == 0)
        {
            throw new ExpressionException("nanoId(): length must be positive and the alphabet not empty");
        }
        scope.Meter.CheckLength(length, "nanoId()");
        var builder = new StringBuilder((int)length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[scope.Context.Random.Next(alphabet.Length)]);
        }
        return builder.ToString();
    }

    /// <summary>A random whole number from <c>lower</c> (included) to <c>upper</c> (excluded), as Kestra's RandomIntFunction.</summary>
    private static object RandomInt(Arguments args, Scope scope)
    {
        var lower = args.Long(0, "lower", long.MinValue);
        var upper = args.Long(1, "upper", long.MinValue);
        if (!args.Has(0, "lower") || !args.Has(1, "upper"))
        {
            throw new ExpressionException("randomInt() needs 'lower' and 'upper'");
        }
        if (lower >= upper)
        {
            throw new ExpressionException("randomInt(): 'lower' must be less than 'upper'");
        }
        return scope.Context.Random.NextInt64(lower, upper);
    }

    private static string ToBase62(BigInteger value, int padTo)
    {
        var builder = new StringBuilder();
        do
        {
            builder.Insert(0, Base62[(int)(value % 62)]);
            value /= 62;
        }
        while (value > 0);
        return builder.ToString().PadLeft(padTo, '0');
    }
}
