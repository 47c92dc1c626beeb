using System.Text.Json.Serialization;
using Kite.Api.Authentication;
using Kite.Api.Executions;
using Kite.Api.Flows;
using Kite.Api.Live;
using Kite.Api.Logs;
using Kite.Api.Namespaces;
using Kite.Api.Problems;
using Kite.Api.Purges;
using Kite.Api.Routing;
using Kite.Api.Triggers;
using Kite.Api.Ui;
using Kite.Api.Webhooks;
using Kite.Data.Triggers;
using Kite.ServiceDefaults.Secrets;
using Microsoft.AspNetCore.Http.Features;
using Scalar.AspNetCore;

namespace Kite.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Searches filter skewed data: each one is planned for its own parameters.
        builder.AddKiteDatabase(customPlans: true);
        builder.AddKiteBus(bus => bus.AddLiveUpdates());
        builder.AddBasicAuthentication();

        var api = builder.Configuration.GetSection("Api");
        builder.Services.Configure<ApiOptions>(api);
        var limits = api.Get<ApiOptions>() ?? new ApiOptions();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = limits.MaxBodyBytes;
            form.ValueCountLimit = limits.MaxInputs;
        });

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = StatusProblems.Describe);
        builder.Services.AddExceptionHandler<ApiProblemHandler>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        builder.Services.AddOpenApi();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FlowStore>();
        builder.Services.AddSingleton<ParsedFlows>();
        builder.Services.AddInputEncryption();
        builder.Services.AddScoped<FlowWriter>();
        builder.Services.AddSingleton<ExecutionStore>();
        builder.Services.AddScoped<ExecutionReplays>();
        builder.Services.AddScoped<ExecutionLauncher>();
        builder.Services.AddSingleton<LogStore>();
        builder.Services.AddSingleton<NamespaceStore>();
        builder.Services.AddSingleton<TriggerStore>();
        builder.Services.AddSingleton<BackfillStore>();
        builder.Services.AddLiveUpdates(limits);
    }

    /// <summary>The middleware and routes of the Api: problem details, Basic authentication, the refusal of NUL characters, Kestra's API, the OpenAPI document and its reference page.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseNulCharacterRefusal();

        app.MapFlowsApi();
        app.MapExecutionsApi();
        app.MapExecutionFilesApi();
        app.MapPurgesApi();
        app.MapExecutionControlApi();
        app.MapWebhooksApi();
        app.MapLogsApi();
        app.MapNamespacesApi();
        app.MapTriggersApi();
        app.MapUi();
        app.MapOpenApi().RequireAuthorization();
        app.MapScalarApiReference().RequireAuthorization();
        return app;
    }
}
