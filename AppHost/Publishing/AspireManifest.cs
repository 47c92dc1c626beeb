using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kite.AppHost.Model;

namespace Kite.AppHost.Publishing;

/// <summary>
/// The model in Aspire's manifest format (<c>{"resources": {...}}</c>, reference/aspire.md 4.1), for tools that
/// deploy from it: servers as <c>container.v0</c> with generated password parameters, projects as <c>project.v0</c>
/// with the same <c>ConnectionStrings__*</c> and <c>services__*</c> variables as the Kubernetes manifests.
/// </summary>
public static class AspireManifest
{
    public const string FileName = "aspire-manifest.json";

    /// <summary>Project paths are relative to the manifest, which is published to <c>deploy/k8s/</c> of the repository.</summary>
    private const string RepositoryRootFromManifest = "../../";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string For(IReadOnlyList<Resource> resources)
    {
        var entries = new JsonObject();
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case ConnectionResource server:
                    var dev = DevServers.For(server);
                    entries[server.Name] = Server(server, dev);
                    entries[PasswordParameter(server)] = Password(server);
                    break;
                case ProjectResource project:
                    entries[project.Name] = Project(project);
                    foreach (var key in project.Secrets.Keys)
                    {
                        entries[SecretParameter(project, key)] = SecretInput(SecretParameter(project, key));
                    }

                    break;
            }
        }

        var manifest = new JsonObject { ["$schema"] = "https://json.schemastore.org/aspire-8.0.json", ["resources"] = entries };
        return manifest.ToJsonString(Json).ReplaceLineEndings("\n") + "\n";
    }

    private static string PasswordParameter(ConnectionResource server) => $"{server.Name}-password";

    /// <summary>A project's secret variable as a parameter (<c>Auth__Password</c> of the Api: <c>api-auth-password</c>).</summary>
    private static string SecretParameter(ProjectResource project, string key) =>
        $"{project.Name}-{key.Replace("__", "-", StringComparison.Ordinal).ToLowerInvariant()}";

    /// <summary>A secret the deploying tool asks the operator for: no default, never written into the manifest.</summary>
    private static JsonObject SecretInput(string name) => new()
    {
        ["type"] = "parameter.v0",
        ["value"] = $"{{{name}.inputs.value}}",
        ["inputs"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "string", ["secret"] = true } },
    };

    private static JsonObject Server(ConnectionResource server, DevServer dev)
    {
        var password = $"{{{PasswordParameter(server)}.value}}";
        var host = $"{{{server.Name}.bindings.tcp.host}}";
        var port = $"{{{server.Name}.bindings.tcp.port}}";
        var env = new JsonObject();
        foreach (var (name, value) in dev.Environment.Where(pair => pair.Key != "PGDATA"))
        {
            env[name] = value;
        }

        env[dev.PasswordVariable] = password;
        return new JsonObject
        {
            ["type"] = "container.v0",
            ["connectionString"] = server switch
            {
                PostgresResource postgres => $"Host={host};Port={port};Username={DevServer.User};Password={password};Database={postgres.Database}",
                _ => $"amqp://{DevServer.User}:{password}@{host}:{port}",
            },
            ["image"] = dev.Image,
            ["volumes"] = new JsonArray(new JsonObject { ["name"] = $"{server.Name}-data", ["target"] = dev.DataPath, ["readOnly"] = false }),
            ["env"] = env,
            ["bindings"] = new JsonObject { ["tcp"] = Binding("tcp", "tcp", dev.Port, external: false) },
        };
    }

    private static JsonObject Password(ConnectionResource server) => new()
    {
        ["type"] = "parameter.v0",
        ["value"] = $"{{{PasswordParameter(server)}.inputs.value}}",
        ["inputs"] = new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["type"] = "string",
                ["secret"] = true,
                ["default"] = new JsonObject { ["generate"] = new JsonObject { ["minLength"] = 22 } },
            },
        },
    };

    private static JsonObject Project(ProjectResource project)
    {
        var env = new JsonObject
        {
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        };
        if (!project.RunsToCompletion)
        {
            env["HTTP_PORTS"] = $"{{{project.Name}.bindings.http.targetPort}}";
        }

        foreach (var server in project.ConnectionReferences)
        {
            env[$"ConnectionStrings__{server.Name}"] = $"{{{server.Name}.connectionString}}";
        }

        foreach (var service in project.ServiceReferences)
        {
            env[$"services__{service.Name}__http__0"] = $"{{{service.Name}.bindings.http.url}}";
        }

        foreach (var (name, value) in project.Environment)
        {
            env[name] = value;
        }

        env[StorageType.Key] = StorageType.Shared;
        foreach (var key in project.Secrets.Keys)
        {
            env[key] = $"{{{SecretParameter(project, key)}.value}}";
        }

        var entry = new JsonObject
        {
            ["type"] = "project.v0",
            ["path"] = $"{RepositoryRootFromManifest}{project.ProjectName}/{project.ProjectName}.csproj",
            ["env"] = env,
        };
        if (!project.RunsToCompletion)
        {
            entry["bindings"] = new JsonObject { ["http"] = Binding("http", "http", PublishedEnvironment.HttpPort, external: project.PublicPort is not null) };
        }

        return entry;
    }

    private static JsonObject Binding(string scheme, string transport, int targetPort, bool external)
    {
        var binding = new JsonObject { ["scheme"] = scheme, ["protocol"] = "tcp", ["transport"] = transport, ["targetPort"] = targetPort };
        if (external)
        {
            binding["external"] = true;
        }

        return binding;
    }
}
