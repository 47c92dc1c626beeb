namespace Kite.Core.Scheduling;

/// <summary>
/// What to do with a due Schedule trigger: fire the slot <see cref="Fire"/> (or nothing), then wait for
/// <see cref="Next"/> (null: the cron never fires again). <see cref="Skipped"/> says why no slot fired.
/// </summary>
public sealed record SlotDecision(DateTimeOffset? Fire, DateTimeOffset? Next, string? Skipped = null);
