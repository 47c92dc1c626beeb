namespace Kite.Data.Purges;

/// <summary>The rest a purge takes between batches, in proportion to the batch it just ran.</summary>
public static class BatchPause
{
    public static Task AfterAsync(TimeSpan batch, double ratio, CancellationToken cancellationToken) =>
        ratio > 0 ? Task.Delay(batch * ratio, cancellationToken) : Task.CompletedTask;
}
