using System.Text.Json.Nodes;

namespace Kite.Api.Tests.Fixtures;

/// <summary>Comparisons of executions as the Api answers them.</summary>
public static class ExecutionJson
{
    /// <summary>
    /// Asserts two answers about one execution hold the same values (the order of an object's properties aside: the
    /// database's jsonb keeps its own), <c>state.duration</c> apart, which grows for as long as the execution is not over.
    /// </summary>
    public static void AssertSameBesidesDuration(JsonNode expected, JsonNode actual)
    {
        var (left, right) = (WithoutDuration(expected), WithoutDuration(actual));
        Assert.True(JsonNode.DeepEquals(left, right), $"expected {left.ToJsonString()}{Environment.NewLine}but was  {right.ToJsonString()}");
    }

    private static JsonNode WithoutDuration(JsonNode execution)
    {
        var copy = execution.DeepClone();
        copy["state"]!.AsObject().Remove("duration");
        return copy;
    }
}
