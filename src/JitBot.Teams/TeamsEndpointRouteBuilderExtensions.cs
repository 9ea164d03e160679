using JitBot.Teams.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JitBot.Teams;

public static class TeamsEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /api/messages</c> (Bot Framework activities) when Teams is enabled; nothing (so 404) when it is not.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<IOptions<TeamsOptions>>()?.Value;
        if (options is not { IsEnabled: true })
        {
            return endpoints;
        }

        endpoints.MapPost("/api/messages", ([FromServices] TeamsMessagesEndpoint endpoint, HttpRequest request, CancellationToken cancellationToken) =>
            endpoint.HandleAsync(request, cancellationToken));
        return endpoints;
    }
}
