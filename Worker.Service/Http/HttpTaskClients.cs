namespace Kite.Worker.Http;

public static class HttpTaskClients
{
    /// <summary>
    /// The clients of the http tasks: no resilience handler (the suite's default would retry a user's POST and cut a
    /// long download at 30 s), no client-wide timeout (the task's <c>timeout</c> and <c>options</c> bound it), redirects
    /// followed or not as the task says.
    /// </summary>
    public static void AddHttpTaskClients(this IHostApplicationBuilder builder)
    {
        foreach (var (name, follow) in new[] { (HttpCallClient.Following, true), (HttpCallClient.NotFollowing, false) })
        {
            // Experimental, but the one way to undo ConfigureHttpClientDefaults' resilience handler for these clients only.
#pragma warning disable EXTEXP0001
            builder.Services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = follow, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        }

        builder.Services.AddSingleton<HttpCallClient>();
    }
}
