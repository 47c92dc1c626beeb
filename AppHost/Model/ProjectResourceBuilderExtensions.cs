namespace Kite.AppHost.Model;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>Passes the server's connection string as <c>ConnectionStrings__{name}</c>.</summary>
    public static ResourceBuilder<ProjectResource> WithReference<TConnection>(this ResourceBuilder<ProjectResource> builder, ResourceBuilder<TConnection> connection)
        where TConnection : ConnectionResource
    {
        builder.Resource.ConnectionReferences.Add(connection.Resource);
        return builder;
    }

    /// <summary>Passes the project's public endpoint as <c>services__{name}__http__0</c>, for service discovery.</summary>
    public static ResourceBuilder<ProjectResource> WithReference(this ResourceBuilder<ProjectResource> builder, ResourceBuilder<ProjectResource> service)
    {
        builder.Resource.ServiceReferences.Add(service.Resource);
        return builder;
    }

    public static ResourceBuilder<ProjectResource> WithReplicas(this ResourceBuilder<ProjectResource> builder, int replicas)
    {
        builder.Resource.SetReplicas(replicas);
        return builder;
    }

    /// <summary>A public HTTP endpoint on <paramref name="port"/>, proxied to the replicas, as Aspire's DCP proxy does.</summary>
    public static ResourceBuilder<ProjectResource> WithHttpEndpoint(this ResourceBuilder<ProjectResource> builder, int port)
    {
        builder.Resource.PublicPort = port;
        return builder;
    }

    public static ResourceBuilder<ProjectResource> WithHttpHealthCheck(this ResourceBuilder<ProjectResource> builder, string path = "/health")
    {
        builder.Resource.HealthPath = path;
        return builder;
    }

    public static ResourceBuilder<ProjectResource> WithEnvironment(this ResourceBuilder<ProjectResource> builder, string name, string value)
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    /// <summary>A secret variable: its value reaches local replicas only; published manifests reference a Secret.</summary>
    public static ResourceBuilder<ProjectResource> WithSecret(this ResourceBuilder<ProjectResource> builder, string name, string value)
    {
        builder.Resource.Secrets[name] = value;
        return builder;
    }

    /// <summary>Marks a step that exits when its work is done; dependents use <c>WaitForCompletion</c>.</summary>
    public static ResourceBuilder<ProjectResource> AsJob(this ResourceBuilder<ProjectResource> builder)
    {
        builder.Resource.RunsToCompletion = true;
        return builder;
    }
}
