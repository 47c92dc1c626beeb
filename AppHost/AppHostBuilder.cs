using Kite.AppHost.Dashboard;
using Kite.AppHost.Model;
using Kite.AppHost.Orchestration;
using Kite.AppHost.Publishing;
using Kite.Hosting;
using Kite.Hosting.Postgres;
using Kite.Hosting.Processes;
using Kite.Hosting.RabbitMq;

namespace Kite.AppHost;

/// <summary>Our counterpart of Aspire's <c>DistributedApplication.CreateBuilder</c>: declare resources, then build and run.</summary>
public sealed class AppHostBuilder
{
    private readonly WebApplicationBuilder web;
    private readonly List<Resource> resources = [];
    private readonly ProjectCatalog projects;

    private AppHostBuilder(string[] args)
    {
        (PublishCommand, args) = PublishCommand.Parse(args);
        // Settings live next to the binary, wherever `dotnet run --project AppHost` was called from.
        web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        Settings = web.Configuration.GetSection("Kite").Get<AppHostSettings>() ?? new AppHostSettings();
        projects = ProjectCatalog.FromAssembly(typeof(AppHostBuilder).Assembly);
    }

    public AppHostSettings Settings { get; }

    /// <summary>Set when the AppHost was started with the <c>publish</c> verb: write manifests instead of running.</summary>
    public PublishCommand? PublishCommand { get; }

    /// <summary>Null until <see cref="Credentials"/> is called.</summary>
    public ApiCredentials? ApiCredentials { get; private set; }

    /// <summary>
    /// The Api's credentials: <c>Auth__Username</c> / <c>Auth__Password</c> from the AppHost's own configuration, or user
    /// <c>kite</c> with a password generated on first run and kept in the data folder. Nothing is generated when publishing.
    /// </summary>
    public ApiCredentials Credentials()
    {
        var username = web.Configuration["Auth:Username"] ?? "kite";
        var password = web.Configuration["Auth:Password"]
            ?? (PublishCommand is null ? GeneratedSecret.ReadOrCreate(Path.Combine(Settings.ResolveDataDirectory(), "api-password")) : "published-as-a-secret");
        return ApiCredentials = new ApiCredentials(username, password);
    }

    /// <summary>
    /// The key of SECRET inputs, shared by the Api, Scheduler, Executor and Worker: <c>Kite:Encryption:SecretKey</c> from the
    /// AppHost's own configuration, or one generated on first run and kept in the data folder, so that executions
    /// stored by one run still decrypt in the next. Nothing is generated when publishing.
    /// </summary>
    public string EncryptionKey() =>
        web.Configuration["Kite:Encryption:SecretKey"]
        ?? (PublishCommand is null ? GeneratedSecret.ReadOrCreate(Path.Combine(Settings.ResolveDataDirectory(), "encryption-key")) : "published-as-a-secret");

    public IReadOnlyList<Resource> Resources => resources;

    public static AppHostBuilder Create(string[] args) => new(args);

    /// <summary>PostgreSQL with one database; external when <c>ConnectionStrings:{name}</c> is configured.</summary>
    public ResourceBuilder<PostgresResource> AddPostgres(string name, string database) =>
        Add(new PostgresResource(name, database, web.Configuration.GetConnectionString(name)));

    /// <summary>RabbitMQ; external when <c>ConnectionStrings:{name}</c> is configured.</summary>
    public ResourceBuilder<RabbitMqResource> AddRabbitMQ(string name) =>
        Add(new RabbitMqResource(name, web.Configuration.GetConnectionString(name)));

    public ResourceBuilder<ProjectResource> AddProject(string name, string projectName) =>
        Add(new ProjectResource(name, projectName, projects.EntryPoint(projectName)));

    public WebApplication Build()
    {
        CheckPrerequisites();
        var dataDirectory = Settings.ResolveDataDirectory();
        Directory.CreateDirectory(dataDirectory);
        var registry = new ProcessRegistry(Path.Combine(dataDirectory, "processes.json"));
        var http = new HttpClient();
        foreach (var (name, count) in Settings.Replicas)
        {
            resources.OfType<ProjectResource>().FirstOrDefault(p => p.Name == name)?.SetReplicas(count);
        }

        var replicas = resources.SelectMany(resource => Enumerable.Range(0, resource.Replicas).Select(index => CreateReplica(resource, index))).ToList();

        web.WebHost.UseUrls($"http://localhost:{Settings.DashboardPort}");
        web.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(2));
        web.Services.AddSingleton(Settings);
        web.Services.AddSingleton(ApiCredentials ?? new ApiCredentials("", ""));
        web.Services.AddSingleton(TimeProvider.System);
        web.Services.AddSingleton(registry);
        web.Services.AddSingleton<IReadOnlyList<ReplicaRunner>>(replicas);
        web.Services.AddSingleton<Orchestrator>();
        web.Services.AddHostedService(sp => sp.GetRequiredService<Orchestrator>());
        foreach (var project in resources.OfType<ProjectResource>().Where(p => p.PublicPort is not null))
        {
            var own = replicas.OfType<ProjectReplica>().Where(r => r.Resource == project).ToList();
            web.Services.AddSingleton<IHostedService>(sp => new EndpointProxy(project, own, sp.GetRequiredService<ILogger<EndpointProxy>>()));
        }

        var app = web.Build();
        app.MapDashboardApi();
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Kite AppHost: dashboard http://localhost:{DashboardPort}, API http://localhost:{ApiPort} (user {User}, password {Password}), data in {DataDirectory}",
            Settings.DashboardPort, Settings.ApiPort, ApiCredentials?.Username, ApiCredentials?.Password, dataDirectory));
        return app;

        ReplicaRunner CreateReplica(Resource resource, int index) => resource switch
        {
            ConnectionResource { IsExternal: true } external => new ExternalReplica(external, registry),
            PostgresResource postgres => new PostgresReplica(postgres, dataDirectory, registry),
            RabbitMqResource rabbitmq => new RabbitMqReplica(rabbitmq, dataDirectory, registry),
            ProjectResource project => new ProjectReplica(project, index, registry, web.Environment.EnvironmentName, web.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], http),
            _ => throw new NotSupportedException(resource.GetType().Name),
        };
    }

    /// <summary>Fails before anything starts, with one line saying what to install.</summary>
    private void CheckPrerequisites()
    {
        foreach (var resource in resources.OfType<ConnectionResource>().Where(r => !r.IsExternal))
        {
            _ = resource switch
            {
                PostgresResource => (object)PostgresBinaries.Locate(),
                RabbitMqResource => RabbitMqBinaries.Locate(),
                _ => resource,
            };
        }
    }

    private ResourceBuilder<T> Add<T>(T resource) where T : Resource
    {
        if (resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }

        resources.Add(resource);
        return new ResourceBuilder<T>(resource);
    }
}
