namespace Kite.Scheduler.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKiteDatabase();
        builder.AddKiteBus();
    }
}
