namespace Kite.Data.Records;

/// <summary>
/// A message decided in an executor step, written in the step's transaction and removed once sent, so a crash
/// between the commit and the send never loses it.
/// </summary>
public sealed class OutboxMessageRecord
{
    public long Id { get; set; }

    /// <summary><c>queue:&lt;name&gt;</c> to send to one queue, or <c>publish</c> to publish to every subscriber.</summary>
    public required string Destination { get; set; }

    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
