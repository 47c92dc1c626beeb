using Kite.Api.Flows;
using static Kite.Api.Tests.Fixtures.ApiHttp;

namespace Kite.Api.Tests.Flows;

public sealed class ParsedFlowsTests
{
    private static StoredFlow Revision(int revision, string extra = "", string id = "cached") =>
        new("test.cache", id, revision, Flow("test.cache", id, extra), "{}", false, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_revision_read_twice_is_parsed_once()
    {
        var parsed = new ParsedFlows();

        var first = parsed.Read(Revision(1));

        Assert.NotNull(first.Flow);
        Assert.Same(first, parsed.Read(Revision(1)));
    }

    [Fact]
    public void The_next_revision_of_a_flow_is_parsed_from_its_own_source()
    {
        var parsed = new ParsedFlows();
        parsed.Read(Revision(1));

        var next = parsed.Read(Revision(2, "disabled: true"));

        Assert.True(next.Flow!.Disabled);
        Assert.False(parsed.Read(Revision(1)).Flow!.Disabled);
    }

    [Fact]
    public void A_revision_number_found_with_another_source_is_parsed_again_never_served_stale()
    {
        var parsed = new ParsedFlows();
        var before = parsed.Read(Revision(1));

        var recreated = parsed.Read(Revision(1, "disabled: true"));

        Assert.NotSame(before, recreated);
        Assert.True(recreated.Flow!.Disabled);
    }

    [Fact]
    public void Past_a_thousand_revisions_the_least_recently_read_is_the_one_forgotten()
    {
        var parsed = new ParsedFlows();
        var kept = parsed.Read(Revision(1));
        var forgotten = parsed.Read(Revision(2));
        for (var revision = 3; revision <= 1_000; revision++)
        {
            parsed.Read(Revision(revision));
        }

        parsed.Read(Revision(1));
        parsed.Read(Revision(1_001));

        Assert.Same(kept, parsed.Read(Revision(1)));
        Assert.NotSame(forgotten, parsed.Read(Revision(2)));
    }
}
