using System.Globalization;
using Kite.Api.Problems;

namespace Kite.Api.Paging;

/// <summary><c>page</c> (1-based) and <c>size</c> from the query string, as Kestra reads them.</summary>
public sealed record PageRequest(int Page, int Size)
{
    public const int MaxSize = 1000;

    public int Offset => (Page - 1) * Size;

    public static PageRequest From(IQueryCollection query, int defaultSize = 10)
    {
        var page = Read(query, "page", 1, 1, 1_000_000);
        var size = Read(query, "size", defaultSize, 1, MaxSize);
        return new PageRequest(page, size);
    }

    private static int Read(IQueryCollection query, string name, int fallback, int min, int max)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw ApiProblemException.BadRequest(name, $"'{name}' must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }
}
