using HdrHistogram;

namespace Kite.Api.Bench;

/// <summary>Percentiles of a sample in milliseconds, through an HDR histogram (microsecond resolution, 3 significant digits).</summary>
public sealed record Latency(long Count, double P50, double P95, double P99, double Max)
{
    public static Latency Of(IReadOnlyCollection<double> milliseconds)
    {
        var histogram = new LongHistogram(TimeSpan.FromMinutes(10).Ticks / 10, 3);
        foreach (var ms in milliseconds)
        {
            histogram.RecordValue(Math.Max(0, (long)Math.Round(ms * 1000)));
        }

        double At(double percentile) => histogram.GetValueAtPercentile(percentile) / 1000.0;
        return new Latency(histogram.TotalCount, At(50), At(95), At(99), histogram.GetMaxValue() / 1000.0);
    }
}
