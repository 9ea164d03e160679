using System.Text.RegularExpressions;
using JitBot.Core.Commands;
using JitBot.Teams.Activities;
using JitBot.Teams.Api;
using JitBot.Teams.Cards;
using Microsoft.Extensions.Logging;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>
/// The expiry reminder's <c>jit.extend</c>: runs <c>extend &lt;id&gt;</c> (no duration: the button's default) as the
/// clicker. Filed: the reminder's button gives way to a line naming the extension (in the invoke response and in the
/// message itself, so it can't be clicked twice). Refused: the core's answer as a message only the clicker sees.
/// </summary>
internal sealed partial class ExtendCardAction(ICommandRouter router, BotConnectorClient connector, ILogger<ExtendCardAction> logger) : ITeamsCardAction
{
    public string Verb => ExpiryReminderCard.ExtendVerb;

    public async Task<InvokeResponse> HandleAsync(CardActionContext action, CancellationToken cancellationToken)
    {
        var reply = await router.HandleAsync(action.Chat, $"extend {action.RequestId}", cancellationToken);
        var extension = RequestIdPattern().Matches(reply.Text).Select(m => m.Value).FirstOrDefault(id => id != action.RequestId);
        if (extension is null)
        {
            return InvokeResponse.Message(reply.Text);
        }

        var card = ExpiryReminderCard.Extended(action.RequestId, extension);
        if (action.Activity.ReplyToId is { Length: > 0 } reminderId)
        {
            try
            {
                await connector.UpdateAsync(action.Activity.ServiceUrl, action.ConversationId, reminderId, OutboundActivity.Card(card, reminderId), cancellationToken);
            }
            catch (TeamsApiException ex)
            {
                // The extension is filed either way; a reminder that keeps its button is only cosmetic.
                Log.ReminderNotUpdated(logger, action.RequestId, ex.Error);
            }
        }

        return InvokeResponse.Card(card);
    }

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestIdPattern();

    private static partial class Log
    {
        [LoggerMessage(EventId = 4421, Level = LogLevel.Warning, Message = "Could not retire the Extend button of {RequestId}'s reminder: {Error}")]
        public static partial void ReminderNotUpdated(ILogger logger, string requestId, string error);
    }
}
