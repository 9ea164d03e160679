using JitBot.Core.Chat;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Slack.Chat;
using JitBot.Slack.Endpoints.Actions;
using JitBot.Slack.People;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Endpoints;

/// <summary>
/// <c>POST /slack/interactions</c>: verify → parse the payload → route the clicked action by its id →
/// an empty 200. Unknown payload types and actions are acknowledged and ignored.
/// </summary>
internal sealed partial class SlackInteractionEndpoint(
    SlackRequestReader reader,
    SlackDirectory directory,
    SlackChatPlatform chat,
    IEnumerable<ISlackActionHandler> handlers,
    ILogger<SlackInteractionEndpoint> logger)
{
    public const string FailureText = "Sorry, something went wrong while handling that click. Please try again in a moment.";

    private readonly Dictionary<string, ISlackActionHandler> _handlers = handlers.ToDictionary(h => h.ActionId, StringComparer.Ordinal);

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

        if (payload.Type != InteractionPayload.BlockActions || payload.Actions is not [{ ActionId: { } actionId } action, ..])
        {
            Log.Ignored(logger, payload.Type ?? "(none)", "-");
            return Results.Ok();
        }

        if (!_handlers.TryGetValue(actionId, out var handler))
        {
            Log.Ignored(logger, payload.Type, actionId);
            return Results.Ok();
        }

        if (payload.User?.Id is not { Length: > 0 } userId || payload.ChannelId is not { Length: > 0 } channelId)
        {
            return Results.Text("missing user or channel", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        await RunAsync(handler, userId, channelId, action.Value ?? "", cancellationToken);
        return Results.Ok();
    }

    private async Task RunAsync(ISlackActionHandler handler, string userId, string channelId, string value, CancellationToken cancellationToken)
    {
        string? answer;
        try
        {
            var lookup = await directory.FindPersonAsync(userId, SlackRequestReader.LookupBudget, cancellationToken);
            answer = lookup.Problem;
            if (lookup.Person is { } person)
            {
                await handler.HandleAsync(new ChatContext(person, channelId), value, cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ActionFailed(logger, handler.ActionId, userId, ex);
            answer = FailureText;
        }

        if (answer is not null)
        {
            await TellAsync(new PrivateReply(Platform.Slack, channelId, userId, answer), cancellationToken);
        }
    }

    private async Task TellAsync(PrivateReply reply, CancellationToken cancellationToken)
    {
        try
        {
            await chat.ReplyPrivatelyAsync(reply, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ReplyFailed(logger, reply.UserId, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3601, Level = LogLevel.Debug, Message = "Ignored a Slack interaction of type {Type}, action {ActionId}")]
        public static partial void Ignored(ILogger logger, string type, string actionId);

        [LoggerMessage(EventId = 3602, Level = LogLevel.Error, Message = "The Slack action {ActionId} by {UserId} failed")]
        public static partial void ActionFailed(ILogger logger, string actionId, string userId, Exception exception);

        [LoggerMessage(EventId = 3603, Level = LogLevel.Warning, Message = "Could not tell {UserId} privately why their click did nothing")]
        public static partial void ReplyFailed(ILogger logger, string userId, Exception exception);
    }
}
