using System.Globalization;
using Kite.Core.Executions;
using Kite.Core.Executions.Context;
using Kite.Core.Time;
using Kite.Worker.Jobs;

namespace Kite.Worker.Http;

/// <summary>
/// The <c>options</c> of an HTTP task, rendered: <c>connectTimeout</c> bounds the wait for the response headers,
/// <c>readTimeout</c> the reading of the body; <c>followRedirects</c> (true), <c>allowFailed</c> (false: a status of
/// 400 or more fails the task, as Kestra), <c>maxContentLength</c> (10 MB, for Request bodies), <c>auth</c>
/// (<c>{type: BASIC, username, password}</c> or <c>{type: BEARER, token}</c>).
/// </summary>
public sealed record HttpCallOptions(
    TimeSpan? ConnectTimeout,
    TimeSpan? ReadTimeout,
    bool FollowRedirects,
    bool AllowFailed,
    long MaxContentLength,
    Dictionary<string, object?>? Auth)
{
    private const long DefaultMaxContentLength = 10 * 1024 * 1024;

    public static HttpCallOptions From(Dictionary<string, object?>? options, TaskRunContext context)
    {
        var rendered = ValueRenderer.Render(options ?? [], context.Render) as Dictionary<string, object?> ?? [];
        return new HttpCallOptions(
            Duration(rendered, "connectTimeout"),
            Duration(rendered, "readTimeout"),
            Flag(rendered, "followRedirects", true),
            Flag(rendered, "allowFailed", false),
            rendered.GetValueOrDefault("maxContentLength") is { } max ? Convert.ToInt64(max, CultureInfo.InvariantCulture) : DefaultMaxContentLength,
            rendered.GetValueOrDefault("auth") as Dictionary<string, object?>);
    }

    private static TimeSpan? Duration(Dictionary<string, object?> options, string name) =>
        options.GetValueOrDefault(name) is not { } value ? null
        : IsoDuration.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var duration) ? duration
        : throw new TaskFailedException($"options.{name} '{value}' is not an ISO-8601 duration such as PT30S");

    private static bool Flag(Dictionary<string, object?> options, string name, bool fallback) => options.GetValueOrDefault(name) switch
    {
        null => fallback,
        bool b => b,
        var other => ValueRenderer.IsTruthy(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
    };
}
