using JitBot.Core.Commands;
using JitBot.Core.Requests;
using JitBot.Slack.Api;
using JitBot.Slack.Cards;
using JitBot.Slack.People;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>
/// The expiry reminder's <c>jit.extend</c> button: runs <c>extend &lt;id&gt;</c> (no duration: the button's default) as
/// the clicker and shows them the core's answer privately. Once an extension is filed, the reminder's button is
/// replaced by a line naming it.
/// </summary>
internal sealed partial class ExtendButtonHandler(
    SlackDirectory directory, ICommandRouter router, SlackApiClient api, ILogger<ExtendButtonHandler> logger) : PersonActionHandler(directory)
{
    public override string ActionId => ExpiryReminderCard.ExtendActionId;

    protected override async Task<string?> RunAsync(ChatContext clicker, SlackClick click, CancellationToken cancellationToken)
    {
        if (!RequestIds.TryNormalize(click.Value.Trim(), out var grantId))
        {
            return "That Extend button names no grant.";
        }

        var reply = await router.HandleAsync(clicker, $"extend {grantId}", cancellationToken);
        if (CoreAnswers.NewRequestId(reply.Text, except: grantId) is { } extensionId && click.MessageTs is { Length: > 0 } ts)
        {
            await RetireButtonAsync(click, ts, grantId, extensionId, cancellationToken);
        }

        return reply.Text;
    }

    private async Task RetireButtonAsync(SlackClick click, string ts, string grantId, string extensionId, CancellationToken cancellationToken)
    {
        try
        {
            var reminder = string.IsNullOrWhiteSpace(click.MessageText) ? $"{grantId} ends soon." : click.MessageText;
            await api.UpdateMessageAsync(click.ChannelId, ts, ExpiryReminderCard.Extended(grantId, reminder, extensionId), cancellationToken);
        }
        catch (SlackApiException ex)
        {
            // The extension is filed either way; a reminder that keeps its button is only cosmetic.
            Log.ReminderNotUpdated(logger, grantId, ex.Error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3803, Level = LogLevel.Warning, Message = "Could not retire the Extend button of {RequestId}'s reminder: {Error}")]
        public static partial void ReminderNotUpdated(ILogger logger, string requestId, string error);
    }
}
