using Kite.Data.Purges;
using Microsoft.Extensions.Options;

namespace Kite.Purge.Pacing;

/// <summary>Makes each purge its own pacer, with the profile of its priority and the instance's shared view of the engine.</summary>
public sealed class PurgePacers(IEngineActivity engine, IOptions<PacingOptions> options, TimeProvider clock, ILogger<PurgePacer> logger)
{
    public IBatchPacer For(string purgeId, PurgePriority priority)
    {
        var settings = options.Value;
        var profile = priority == PurgePriority.Retention ? settings.Retention : settings.Requested;
        return new PurgePacer(purgeId, new PurgePace(profile, settings), engine, clock, logger);
    }
}
