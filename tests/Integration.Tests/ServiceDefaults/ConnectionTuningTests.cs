using Kite.ServiceDefaults.Database;
using Npgsql;

namespace Kite.Integration.Tests.ServiceDefaults;

public sealed class ConnectionTuningTests
{
    private const string Given = "Host=db;Port=5432;Username=kite;Password=secret;Database=kite";

    [Fact]
    public void A_plain_connection_string_gets_session_keeping_and_auto_prepared_statements()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(Given));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("secret", tuned.Password);
        Assert.Null(tuned.Options);
    }

    [Fact]
    public void Settings_the_connection_string_gives_are_kept_whatever_their_spelling()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(Given + ";Max Auto Prepare=0;noresetonclose=false;AutoPrepareMinUsages=7"));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal(7, tuned.AutoPrepareMinUsages);
    }

    [Fact]
    public void Custom_plans_are_asked_for_beside_the_options_already_given_and_never_twice()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(Given + ";Options=-c statement_timeout=5000", customPlans: true));
        var again = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(tuned.ConnectionString, customPlans: true));

        Assert.Equal("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan", tuned.Options);
        Assert.Equal(tuned.Options, again.Options);
    }
}
