using Kite.AppHost;
using Kite.AppHost.Model;
using Kite.Hosting;

var builder = AppHostBuilder.Create(args);

var postgres = builder.AddPostgres("postgres", database: "kite");
var rabbitmq = builder.AddRabbitMQ("rabbitmq");

var migrations = builder.AddProject("migrations", "Migrator").AsJob()
    .WithReference(postgres).WaitFor(postgres);

builder.AddService("executor", "Executor.Service", postgres, rabbitmq, migrations);
builder.AddService("worker", "Worker.Service", postgres, rabbitmq, migrations).WithReplicas(2);
builder.AddService("scheduler", "Scheduler.Service", postgres, rabbitmq, migrations);
builder.AddService("api", "Api.Service", postgres, rabbitmq, migrations).WithHttpEndpoint(builder.Settings.ApiPort);
builder.AddService("purge", "Purge.Service", postgres, rabbitmq, migrations);

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
