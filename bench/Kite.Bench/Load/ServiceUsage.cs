namespace Kite.Bench.Load;

/// <summary>One service's replicas (and their child processes) while measuring: mean CPU in % of one core, peak resident memory.</summary>
internal sealed record ServiceUsage(string Service, double CpuPercent, double PeakRssMb);
