using Kite.Core.Flows.Reading;

namespace Kite.Core.Flows.Retries;

public static class RetryTypes
{
    public static TypeCatalog Catalog { get; } = new TypeCatalog()
        .Add<ConstantRetry>("constant")
        .Add<ExponentialRetry>("exponential")
        .Add<RandomRetry>("random");
}
