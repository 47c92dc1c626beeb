namespace Kite.AppHost.Model;

/// <summary>The fluent calls Aspire's AppHost offers, over our own resource model.</summary>
public sealed class ResourceBuilder<T>(T resource) where T : Resource
{
    public T Resource { get; } = resource;

    /// <summary>Waits until <paramref name="dependency"/> is running and healthy before starting.</summary>
    public ResourceBuilder<T> WaitFor<TDependency>(ResourceBuilder<TDependency> dependency) where TDependency : Resource
    {
        Resource.WaitsFor.Add(dependency.Resource);
        return this;
    }

    /// <summary>Waits until <paramref name="dependency"/> has exited with code 0 before starting.</summary>
    public ResourceBuilder<T> WaitForCompletion(ResourceBuilder<ProjectResource> dependency)
    {
        Resource.WaitsForCompletion.Add(dependency.Resource);
        return this;
    }
}
