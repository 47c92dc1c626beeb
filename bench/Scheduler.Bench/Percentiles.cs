using System.Globalization;

namespace Kite.Scheduler.Bench;

/// <summary>p50, p99 and max of a sample, in milliseconds, as one line.</summary>
public static class Percentiles
{
    public static string Describe(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"n={sorted.Length} p50={At(0.50):F2} ms p99={At(0.99):F2} ms max={sorted[^1]:F2} ms mean={sorted.Average():F2} ms");
    }
}
