using Kite.Purge.Pacing;

namespace Kite.Purge.Extensions;

/// <summary>How purges yield to the engine (<c>Kite:Purge:Pacing</c>): a pacer per purge, one view of the engine, a lower CPU priority.</summary>
public static class PacingExtensions
{
    public static void AddPacing(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PacingOptions>(builder.Configuration.GetSection("Kite:Purge:Pacing"));
        builder.Services.AddSingleton<IEngineActivity, EngineActivity>();
        builder.Services.AddSingleton<PurgePacers>();
        builder.Services.AddHostedService<ProcessPriority>();
    }
}
