using Kite.AppHost;
using Kite.AppHost.Model;
using Kite.AppHost.Publishing;
using Kite.Hosting;

var builder = AppHostBuilder.Create(args);

var postgres = builder.AddPostgres("postgres", database: "kite");
var rabbitmq = builder.AddRabbitMQ("rabbitmq");

var migrations = builder.AddProject("migrations", "Migrator").AsJob()
    .WithReference(postgres).WaitFor(postgres);

// Replicas: the local run's, then the published (cluster) ones; autoscaleTo adds a HorizontalPodAutoscaler.
// Every service that stores or renders inputs shares the key of SECRET inputs.
const string encryptionKey = "Kite__Encryption__SecretKey";
var key = builder.EncryptionKey();
builder.AddService("executor", "Executor.Service", postgres, rabbitmq, migrations).WithSecret(encryptionKey, key)
    .PublishWithReplicas(2, autoscaleTo: 6);
builder.AddService("worker", "Worker.Service", postgres, rabbitmq, migrations).WithSecret(encryptionKey, key)
    .WithReplicas(2).PublishWithReplicas(3, autoscaleTo: 12);
builder.AddService("scheduler", "Scheduler.Service", postgres, rabbitmq, migrations).WithSecret(encryptionKey, key)
    .PublishWithReplicas(2);
var credentials = builder.Credentials();
builder.AddService("api", "Api.Service", postgres, rabbitmq, migrations).WithHttpEndpoint(builder.Settings.ApiPort)
    .WithSecret("Auth__Username", credentials.Username).WithSecret("Auth__Password", credentials.Password)
    .WithSecret(encryptionKey, key)
    .PublishWithReplicas(2);
builder.AddService("purge", "Purge.Service", postgres, rabbitmq, migrations);

if (builder.PublishCommand is { } publish)
{
    return KubernetesPublisher.Publish(builder.Resources, publish);
}

try
{
    await builder.Build().RunAsync();
}
catch (MissingPrerequisiteException missing)
{
    await Console.Error.WriteLineAsync(missing.Message);
    return 1;
}

return 0;
