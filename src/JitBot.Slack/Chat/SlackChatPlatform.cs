using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Requests;
using JitBot.Slack.Api;
using JitBot.Slack.Cards;
using JitBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JitBot.Slack.Chat;

/// <summary>
/// The core's chat port on Slack's Web API. Text from the core is plain text: it is mrkdwn-escaped
/// (<c>&amp; &lt; &gt;</c>) so that nothing in it can become a mention or a link.
/// </summary>
internal sealed partial class SlackChatPlatform(SlackApiClient api, IOptions<SlackAuditOptions> audit, ILogger<SlackChatPlatform> logger)
    : IChatPlatform
{
    /// <summary>Errors after which an ephemeral message is sent as a DM instead (e.g. a DM between two people).</summary>
    private static readonly HashSet<string> EphemeralUnreachable = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived",
    };

    public Platform Platform => Platform.Slack;

    public async Task<CardRef> PostApprovalCardAsync(string channel, AccessRequest request, CancellationToken cancellationToken)
    {
        var posted = await api.PostMessageAsync(channel, ApprovalCard.Render(request), cancellationToken);
        Log.CardPosted(logger, request.Id, posted.Channel, posted.Ts);
        return new CardRef(Platform.Slack, posted.Channel, posted.Ts);
    }

    public async Task UpdateApprovalCardAsync(CardRef card, AccessRequest request, CancellationToken cancellationToken)
    {
        if (card.Platform != Platform.Slack)
        {
            Log.NotSlack(logger, "card update", card.Platform);
            return;
        }

        await api.UpdateMessageAsync(card.Channel, card.MessageId, ApprovalCard.Render(request), cancellationToken);
    }

    public async Task SendDirectMessageAsync(Person person, string text, CancellationToken cancellationToken)
    {
        if (person.SlackUserId is not { Length: > 0 } userId)
        {
            Log.NotSlack(logger, "direct message", person.Platform);
            return;
        }

        await api.PostMessageAsync(userId, new SlackMessage(Mrkdwn.Escape(text)), cancellationToken);
    }

    public async Task ReplyPrivatelyAsync(PrivateReply reply, CancellationToken cancellationToken)
    {
        if (reply.Platform != Platform.Slack)
        {
            Log.NotSlack(logger, "private reply", reply.Platform);
            return;
        }

        var text = Mrkdwn.Escape(reply.Text);
        try
        {
            await api.PostEphemeralAsync(reply.Channel, reply.UserId, text, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.IsApiError && EphemeralUnreachable.Contains(ex.Error))
        {
            Log.EphemeralAsDirectMessage(logger, reply.Channel, ex.Error);
            await api.PostMessageAsync(reply.UserId, new SlackMessage(text), cancellationToken);
        }
    }

    /// <summary>A DM to the requester with the text and an Extend button (<c>jit.extend</c>, value = the grant's id).</summary>
    public async Task SendExpiryReminderAsync(AccessRequest grant, string text, CancellationToken cancellationToken)
    {
        if (grant.Requester.SlackUserId is not { Length: > 0 } userId)
        {
            Log.NotSlack(logger, "expiry reminder", grant.Requester.Platform);
            return;
        }

        await api.PostMessageAsync(userId, ExpiryReminderCard.Render(grant, text), cancellationToken);
    }

    public Task PostToChannelAsync(string channel, string text, CancellationToken cancellationToken) =>
        api.PostMessageAsync(channel, new SlackMessage(Mrkdwn.Escape(text)), cancellationToken);

    public async Task PostAuditLineAsync(string text, CancellationToken cancellationToken)
    {
        var channel = audit.Value.SlackChannel;
        if (string.IsNullOrWhiteSpace(channel))
        {
            return;
        }

        await api.PostMessageAsync(channel.Trim(), new SlackMessage(Mrkdwn.Escape(text)), cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Posted the Slack card of {RequestId} to {Channel} as {Ts}")]
        public static partial void CardPosted(ILogger logger, string requestId, string channel, string ts);

        [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Slack was asked for a {What} on {Platform}; ignored")]
        public static partial void NotSlack(ILogger logger, string what, Platform platform);

        [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Ephemeral message impossible in {Channel} ({Error}); sent as a direct message")]
        public static partial void EphemeralAsDirectMessage(ILogger logger, string channel, string error);
    }
}
