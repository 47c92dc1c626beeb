namespace Kite.Api.Executions;

/// <summary>Instants as a <c>timestamptz</c> column keeps them: in UTC, to the microsecond (a .NET tick is a tenth of one).</summary>
public static class PostgresTime
{
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
