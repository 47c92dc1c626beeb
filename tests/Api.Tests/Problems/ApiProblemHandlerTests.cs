using System.Text.Json;
using Kite.Api.Problems;
using Kite.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kite.Api.Tests.Problems;

/// <summary>How the problem handler answers what a route throws, without a server: the mapping alone.</summary>
public sealed class ApiProblemHandlerTests
{
    [Fact]
    public async Task A_command_the_broker_did_not_confirm_answers_503_with_Retry_After_and_says_it_can_be_sent_again()
    {
        var (handled, context, body) = await HandleAsync(new BrokerTimeoutException("the message broker did not confirm a message within 15 s"));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.Contains("did not confirm", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("send the request again", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_exception_is_left_to_the_server_as_a_500()
    {
        var (handled, _, _) = await HandleAsync(new InvalidOperationException("a bug"));

        Assert.False(handled);
    }

    private static async Task<(bool Handled, HttpContext Context, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        var handler = new ApiProblemHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>());

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        return (handled, context, body.Length == 0 ? default : JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }
}
