using System.Net;
using System.Text.Json.Nodes;
using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Requests;
using JitBot.Teams.Activities;
using JitBot.Teams.Api;
using JitBot.Teams.Cards;
using JitBot.Teams.Configuration;
using JitBot.Teams.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JitBot.Teams.Chat;

/// <summary>
/// The core's chat port on the Bot Connector. Cards go to the resource's Teams conversation and are updated in place
/// (PUT); DMs go to the bot's 1:1 chat with the person, created once and kept; Teams has no ephemeral messages, so
/// a private reply is a DM too. Text from the core is escaped to show exactly as written.
/// </summary>
internal sealed partial class TeamsChatPlatform(
    BotConnectorClient connector,
    TeamsState state,
    TeamsApprovalCards cards,
    IOptions<TeamsOptions> options,
    IOptions<TeamsAuditOptions> audit,
    ILogger<TeamsChatPlatform> logger) : IChatPlatform, IDisposable
{
    /// <summary>One 1:1 chat creation per person at a time (the approved and granted notices often go out together).</summary>
    private readonly StripedLock _creating = new();

    public Platform Platform => Platform.Teams;

    public async Task<CardRef> PostApprovalCardAsync(string channel, AccessRequest request, CancellationToken cancellationToken)
    {
        var serviceUrl = await state.ServiceUrlForAsync(channel, cancellationToken);
        var card = await cards.ForEveryoneAsync(request, cancellationToken);
        var id = await connector.SendAsync(serviceUrl, channel, OutboundActivity.Card(card), cancellationToken);
        Log.CardPosted(logger, request.Id, channel, id);
        return new CardRef(Platform.Teams, channel, id);
    }

    public async Task UpdateApprovalCardAsync(CardRef card, AccessRequest request, CancellationToken cancellationToken)
    {
        if (card.Platform != Platform.Teams)
        {
            Log.NotTeams(logger, "card update", card.Platform);
            return;
        }

        var serviceUrl = await state.ServiceUrlForAsync(card.Channel, cancellationToken);
        var content = await cards.ForEveryoneAsync(request, cancellationToken);
        await connector.UpdateAsync(serviceUrl, card.Channel, card.MessageId, OutboundActivity.Card(content, card.MessageId), cancellationToken);
    }

    /// <summary>The reminder as a card in the 1:1 chat, with an Extend button (<c>jit.extend</c>).</summary>
    public async Task SendExpiryReminderAsync(AccessRequest grant, string text, CancellationToken cancellationToken)
    {
        if (grant.Requester.TeamsUserId is not { Length: > 0 } aad)
        {
            Log.NotTeams(logger, "expiry reminder", grant.Requester.Platform);
            return;
        }

        await SendToUserAsync(aad, OutboundActivity.Card(ExpiryReminderCard.Render(grant, text)), cancellationToken);
    }

    public async Task SendDirectMessageAsync(Person person, string text, CancellationToken cancellationToken)
    {
        if (person.TeamsUserId is not { Length: > 0 } aad)
        {
            Log.NotTeams(logger, "direct message", person.Platform);
            return;
        }

        await SendToUserAsync(aad, OutboundActivity.Text(text), cancellationToken);
    }

    /// <summary>Teams has no ephemeral messages: a message for one person only goes to their 1:1 chat with the bot.</summary>
    public async Task ReplyPrivatelyAsync(PrivateReply reply, CancellationToken cancellationToken)
    {
        if (reply.Platform != Platform.Teams)
        {
            Log.NotTeams(logger, "private reply", reply.Platform);
            return;
        }

        await SendToUserAsync(reply.UserId, OutboundActivity.Text(reply.Text), cancellationToken);
    }

    public async Task PostToChannelAsync(string channel, string text, CancellationToken cancellationToken)
    {
        var serviceUrl = await state.ServiceUrlForAsync(channel, cancellationToken);
        await connector.SendAsync(serviceUrl, channel, OutboundActivity.Text(text), cancellationToken);
    }

    public async Task PostAuditLineAsync(string text, CancellationToken cancellationToken)
    {
        var conversation = audit.Value.TeamsConversation;
        if (string.IsNullOrWhiteSpace(conversation))
        {
            return;
        }

        await PostToChannelAsync(conversation.Trim(), text, cancellationToken);
    }

    private async Task SendToUserAsync(string aad, JsonObject activity, CancellationToken cancellationToken)
    {
        if (await state.FindUserAsync(aad, cancellationToken) is not { } user)
        {
            Log.UnknownUser(logger, aad);
            return;
        }

        var conversation = await DirectConversationAsync(aad, user, cancellationToken);

        try
        {
            await connector.SendAsync(user.ServiceUrl, conversation, activity, cancellationToken);
        }
        catch (TeamsApiException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            // Blocked or uninstalled (errorCode 209, MessageWritesBlocked): retrying cannot help.
            Log.Blocked(logger, aad, ex.Error);
        }
    }

    public void Dispose() => _creating.Dispose();

    /// <summary>The bot's 1:1 chat with the person: the one seen or created before, else a new one (kept for next time).</summary>
    private async Task<string> DirectConversationAsync(string aad, TeamsUserRef user, CancellationToken cancellationToken)
    {
        if (await state.FindDirectConversationAsync(aad, cancellationToken) is { Length: > 0 } known)
        {
            return known;
        }

        using (await _creating.AcquireAsync(aad, cancellationToken))
        {
            if (await state.FindDirectConversationAsync(aad, cancellationToken) is { Length: > 0 } raced)
            {
                return raced;
            }

            var created = await connector.CreateConversationAsync(
                user.ServiceUrl, options.Value.BotId, user.UserId, user.TenantId ?? NullIfEmpty(options.Value.TenantId), cancellationToken);
            await state.RememberDirectConversationAsync(aad, created, cancellationToken);
            Log.ChatCreated(logger, aad);
            return created;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Posted the Teams card of {RequestId} to {Conversation} as {ActivityId}")]
        public static partial void CardPosted(ILogger logger, string requestId, string conversation, string activityId);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Teams was asked for a {What} on {Platform}; ignored")]
        public static partial void NotTeams(ILogger logger, string what, Platform platform);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Cannot message Teams user {AadObjectId}: they have never written to the bot, so their Teams id is unknown")]
        public static partial void UnknownUser(ILogger logger, string aadObjectId);

        [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Created the 1:1 Teams chat with {AadObjectId}")]
        public static partial void ChatCreated(ILogger logger, string aadObjectId);

        [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "Teams user {AadObjectId} cannot be messaged (the bot is blocked or not installed for them): {Error}")]
        public static partial void Blocked(ILogger logger, string aadObjectId, string error);
    }
}
