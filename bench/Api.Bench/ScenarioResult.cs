namespace Kite.Api.Bench;

/// <summary>What one search measured: the page query, the count query and the whole HTTP round trip, the total it answered, and the plans.</summary>
public sealed record ScenarioResult(SearchScenario Scenario, long Total, Latency Page, Latency Count, Latency Http, QueryPlans Plans);
