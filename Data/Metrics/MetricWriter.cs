using Kite.Data.Batching;
using Kite.Data.Records;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Data.Metrics;

/// <summary>Task metrics (counters and timers), written in batches by binary COPY (see <see cref="CopyWriter{TRow}"/>).</summary>
public sealed class MetricWriter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<MetricWriter> logger) : CopyWriter<MetricRecord>(dataSource, clock, logger)
{
    protected override string CopyCommand =>
        "COPY metrics (namespace, flow_id, execution_id, task_run_id, task_id, name, type, value, tags, timestamp) FROM STDIN (FORMAT BINARY)";

    protected override async Task WriteRowAsync(NpgsqlBinaryImporter importer, MetricRecord metric)
    {
        await importer.WriteAsync(metric.Namespace, NpgsqlDbType.Text);
        await importer.WriteAsync(metric.FlowId, NpgsqlDbType.Text);
        await importer.WriteAsync(metric.ExecutionId, NpgsqlDbType.Text);
        await WriteNullableAsync(importer, metric.TaskRunId);
        await WriteNullableAsync(importer, metric.TaskId);
        await importer.WriteAsync(metric.Name, NpgsqlDbType.Text);
        await importer.WriteAsync(metric.Type, NpgsqlDbType.Text);
        await importer.WriteAsync(metric.Value, NpgsqlDbType.Double);
        await WriteNullableAsync(importer, metric.Tags, NpgsqlDbType.Jsonb);
        await importer.WriteAsync(metric.Timestamp, NpgsqlDbType.TimestampTz);
    }
}
