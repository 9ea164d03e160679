using JitBot.Slack.Endpoints.Actions;
using JitBot.Slack.Endpoints.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Endpoints;

/// <summary>
/// <c>POST /slack/interactions</c>: verify → parse the payload → a button click goes to its action handler, a modal
/// submission to its view handler. Other payload types are acknowledged and ignored.
/// </summary>
internal sealed partial class SlackInteractionEndpoint(
    SlackRequestReader reader,
    BlockActionRouter actions,
    ViewSubmissionRouter views,
    ILogger<SlackInteractionEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var inbound = await reader.ReadAsync(request, cancellationToken);
        if (inbound.Rejection is { } rejection)
        {
            return rejection;
        }

        if (InteractionPayload.TryParse(SlackForm.Parse(inbound.Body)["payload"], out var problem) is not { } payload)
        {
            return Results.Text(problem, "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        switch (payload.Type)
        {
            case InteractionPayload.BlockActions:
                return await actions.HandleAsync(payload, cancellationToken);
            case InteractionPayload.ViewSubmission:
                return await views.HandleAsync(payload, cancellationToken);
            default:
                Log.Ignored(logger, payload.Type ?? "(none)");
                return Results.Ok();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3601, Level = LogLevel.Debug, Message = "Ignored a Slack interaction of type {Type}")]
        public static partial void Ignored(ILogger logger, string type);
    }
}
