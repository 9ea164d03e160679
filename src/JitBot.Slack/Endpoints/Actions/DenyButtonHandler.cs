using JitBot.Core.Requests;
using JitBot.Slack.Api;
using JitBot.Slack.Cards;
using JitBot.Slack.Modals;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>
/// The card's <c>jit.deny</c> button: opens the reason modal at once (the trigger id lasts 3 seconds), before any
/// lookup. The vote itself is cast when the modal is submitted (<see cref="Views.DenyReasonSubmitHandler"/>).
/// </summary>
internal sealed partial class DenyButtonHandler(SlackApiClient api, ILogger<DenyButtonHandler> logger) : ISlackActionHandler
{
    public string ActionId => ApprovalCard.DenyActionId;

    public async Task<string?> HandleAsync(SlackClick click, CancellationToken cancellationToken)
    {
        if (!RequestIds.TryNormalize(click.Value.Trim(), out var requestId))
        {
            return "That Deny button names no request.";
        }

        if (string.IsNullOrEmpty(click.TriggerId))
        {
            return Fallback(requestId, "no trigger_id");
        }

        try
        {
            await api.OpenViewAsync(click.TriggerId, DenyReasonModal.Render(requestId, click.ChannelId), cancellationToken);
            return null;
        }
        catch (SlackApiException ex)
        {
            Log.ModalFailed(logger, requestId, click.UserId, ex.Error);
            return Fallback(requestId, ex.Error);
        }
    }

    private static string Fallback(string requestId, string why) =>
        $"I couldn't open the form to deny {requestId} ({why}). Type /jit deny {requestId} followed by your reason instead.";

    private static partial class Log
    {
        [LoggerMessage(EventId = 3802, Level = LogLevel.Warning, Message = "Could not open the deny form of {RequestId} for {UserId}: {Error}")]
        public static partial void ModalFailed(ILogger logger, string requestId, string userId, string error);
    }
}
