namespace Kite.AppHost.Publishing;

/// <summary>
/// The internal storage published services use: in a cluster a worker's pod writes a file that an Api pod on another
/// node serves, so files go to PostgreSQL, which every pod reaches, instead of a pod's own disk (the local run's
/// default, where every replica shares one machine's folder).
/// </summary>
public static class StorageType
{
    public const string Key = "Kite__Storage__Type";
    public const string Shared = "postgres";
}
