namespace Kite.Core.Validation;

/// <summary>A string property holding a cron expression.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CronAttribute : Attribute;
