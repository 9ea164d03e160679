using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Slack.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>
/// A verified <c>block_actions</c> payload: the clicked action goes to its handler by <c>action_id</c>; what the
/// handler has to say (or an apology when it failed) is shown to the clicker privately; the answer is an empty 200.
/// </summary>
internal sealed partial class BlockActionRouter(IEnumerable<ISlackActionHandler> handlers, SlackChatPlatform chat, ILogger<BlockActionRouter> logger)
{
    public const string FailureText = "Sorry, something went wrong while handling that click. Please try again in a moment.";

    private readonly Dictionary<string, ISlackActionHandler> _handlers = handlers.ToDictionary(h => h.ActionId, StringComparer.Ordinal);

    public async Task<IResult> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.Actions is not [{ ActionId: { } actionId } action, ..] || !_handlers.TryGetValue(actionId, out var handler))
        {
            Log.Ignored(logger, payload.Actions is [{ ActionId: { } ignored }, ..] ? ignored : "-");
            return Results.Ok();
        }

        if (payload.User?.Id is not { Length: > 0 } userId || payload.ChannelId is not { Length: > 0 } channelId)
        {
            return Results.Text("missing user or channel", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        var click = new SlackClick(userId, channelId, action.Value ?? "", payload.TriggerId, payload.Message?.Ts, payload.Message?.Text);
        string? answer;
        try
        {
            answer = await handler.HandleAsync(click, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ActionFailed(logger, actionId, userId, ex);
            answer = FailureText;
        }

        if (answer is not null)
        {
            await TellAsync(new PrivateReply(Platform.Slack, channelId, userId, answer), cancellationToken);
        }

        return Results.Ok();
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
        [LoggerMessage(EventId = 3606, Level = LogLevel.Debug, Message = "Ignored a Slack block action {ActionId}")]
        public static partial void Ignored(ILogger logger, string actionId);

        [LoggerMessage(EventId = 3602, Level = LogLevel.Error, Message = "The Slack action {ActionId} by {UserId} failed")]
        public static partial void ActionFailed(ILogger logger, string actionId, string userId, Exception exception);

        [LoggerMessage(EventId = 3603, Level = LogLevel.Warning, Message = "Could not answer {UserId}'s click privately")]
        public static partial void ReplyFailed(ILogger logger, string userId, Exception exception);
    }
}
