using System.Globalization;
using Kite.Api.Problems;

namespace Kite.Api.Routing;

/// <summary>Typed query parameters, refused with a problem naming the parameter instead of a bare 400.</summary>
public static class QueryValues
{
    public static bool Bool(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return false;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw ApiProblemException.BadRequest(name, $"'{name}' must be true or false, not '{text}'");
    }

    public static int? Number(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        return text.Length == 0 ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw ApiProblemException.BadRequest(name, $"'{name}' must be a positive whole number, not '{text}'");
    }

    public static DateTimeOffset? Date(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        return text.Length == 0 ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime()
            : throw ApiProblemException.BadRequest(name, $"'{name}' must be an ISO-8601 date-time, not '{text}'");
    }
}
