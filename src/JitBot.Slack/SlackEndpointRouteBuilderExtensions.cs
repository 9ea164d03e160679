using JitBot.Slack.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JitBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /slack/commands</c>, <c>/slack/interactions</c> and <c>/slack/events</c> when Slack is enabled;
    /// maps nothing (so they answer 404) when it is not.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<IOptions<SlackOptions>>()?.Value;
        if (options is not { IsEnabled: true })
        {
            return endpoints;
        }

        var slack = endpoints.MapGroup("/slack");
        slack.MapPost("/commands", ([FromServices] SlackCommandEndpoint endpoint, HttpRequest request, CancellationToken cancellationToken) =>
            endpoint.HandleAsync(request, cancellationToken));
        slack.MapPost("/interactions", ([FromServices] SlackInteractionEndpoint endpoint, HttpRequest request, CancellationToken cancellationToken) =>
            endpoint.HandleAsync(request, cancellationToken));
        slack.MapPost("/events", ([FromServices] SlackEventsEndpoint endpoint, HttpRequest request, CancellationToken cancellationToken) =>
            endpoint.HandleAsync(request, cancellationToken));
        return endpoints;
    }
}
