using HdrHistogram;

namespace Kite.Bench.Load;

/// <summary>Percentiles of a set of latencies, in milliseconds, through an HDR histogram (3 significant digits, up to an hour).</summary>
internal sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary? Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return null;
        }

        var histogram = new LongHistogram(TimeSpan.FromHours(1).Ticks / 10, 3);
        foreach (var ms in milliseconds)
        {
            histogram.RecordValue(Math.Max(0, (long)Math.Round(ms * 1000)));
        }

        double At(double percentile) => histogram.GetValueAtPercentile(percentile) / 1000.0;
        return new LatencySummary(
            histogram.TotalCount, At(50), At(95), At(99), histogram.GetMaxValue() / 1000.0, histogram.GetMean() / 1000.0);
    }
}
