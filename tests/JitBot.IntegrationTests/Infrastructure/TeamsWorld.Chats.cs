using System.Net;
using System.Text.Json.Nodes;
using JitBot.Testing.Teams;

namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>
/// The person's side of Teams: typing in the 1:1 chat with the bot, clicking (with inputs) on cards in channels and
/// in that chat, and reading the audit conversation.
/// </summary>
internal sealed partial class TeamsWorld
{
    public const string InvokeCard = "application/vnd.microsoft.card.adaptive";
    public const string InvokeMessage = "application/vnd.microsoft.activity.message";

    /// <summary>The 1:1 chat <see cref="TeamsActivities.Personal"/> writes in: the bot's chat with the person once they wrote there.</summary>
    public static string PersonalChat(FakeTeamsMember who) => "a:1personal-" + who.AadObjectId;

    /// <summary>Whether <paramref name="conversationId"/> is the bot's 1:1 chat with <paramref name="who"/> (one it created or the one they wrote in).</summary>
    public bool IsChatWith(FakeTeamsMember who, string? conversationId) =>
        conversationId is not null && (conversationId == Connector.DirectChatOf(who) || conversationId == PersonalChat(who));

    /// <summary><paramref name="text"/> typed in the 1:1 chat; returns the bot's answer there, decoded.</summary>
    public async Task<string> SayAsync(FakeTeamsMember who, string text)
    {
        var activity = Activities.Personal(who, text);
        using (var response = await PostAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var reply = await Connector.WaitForCallAsync("reply", c => c.ActivityId == activity["id"]!.GetValue<string>(), Wait);
        return Plain(reply.Text);
    }

    /// <summary>The card the bot answered <paramref name="text"/> with in the 1:1 chat (a form).</summary>
    public async Task<ConnectorCall> SayForCardAsync(FakeTeamsMember who, string text)
    {
        var activity = Activities.Personal(who, text);
        using (var response = await PostAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return await Connector.WaitForCallAsync("reply", c => c.ActivityId == activity["id"]!.GetValue<string>(), Wait);
    }

    /// <summary>Clicks <paramref name="verb"/> on the request's card in <paramref name="channel"/> with the card's inputs filled in as <paramref name="inputs"/>.</summary>
    public async Task<JsonObject> ClickWithAsync(FakeTeamsMember who, string verb, string requestId, IReadOnlyDictionary<string, string> inputs, string channel = ApproverChannel)
    {
        var card = await CardPostedAsync(requestId, channel);
        var activity = Activities.CardAction(who, channel, card.ResultId!, verb, requestId);
        var data = activity["value"]!["action"]!["data"]!.AsObject();
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return await InvokeAsync(activity);
    }

    /// <summary>
    /// Clicks <paramref name="verb"/> on <paramref name="message"/>, a card the bot sent to <paramref name="who"/>'s 1:1 chat,
    /// with the card's inputs (and <c>requestId</c>, when given) as the action's data.
    /// </summary>
    public Task<JsonObject> ClickInChatAsync(FakeTeamsMember who, ConnectorCall message, string verb, string? requestId, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var activity = Activities.CardAction(who, message.ConversationId!, message.ResultId!, verb, requestId);
        activity["conversation"] = new JsonObject { ["id"] = message.ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        var data = activity["value"]!["action"]!["data"]!.AsObject();
        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
        {
            data[id] = value;
        }

        return InvokeAsync(activity);
    }

    /// <summary>Posts an invoke; returns its answer, which must never be empty.</summary>
    public async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        using var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(body), "an invoke must never be answered with an empty body");
        return (JsonObject)JsonNode.Parse(body)!;
    }

    /// <summary>The card's post in <paramref name="channel"/> as everyone sees it now, once it shows <paramref name="contains"/>.</summary>
    public async Task<string> CardShowsAsync(string requestId, string contains, string channel = ApproverChannel)
    {
        var posted = await CardPostedAsync(requestId, channel);
        try
        {
            return await Connector.WaitForAsync(
                () => CurrentCard(posted) is { } card && Plain(card.ToJsonString()) is var text && text.Contains(contains, StringComparison.Ordinal) ? text : null,
                Wait);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"The card of {requestId} in {channel} never showed '{contains}'. It shows: {Plain(CurrentCard(posted).ToJsonString())}", ex);
        }
    }

    /// <summary>The audit lines posted so far about <paramref name="requestId"/>, decoded.</summary>
    public IReadOnlyList<string> AuditLines(string requestId) =>
        Connector.Calls("send").Where(c => c.ConversationId == AuditConversation).Select(c => Plain(c.Text))
            .Where(t => t.Contains($"[{requestId}]", StringComparison.Ordinal)).ToList();

    /// <summary>A notice (not about one request) in the audit conversation, decoded.</summary>
    public async Task<string> AuditNoticeAsync(string contains) =>
        Plain((await Connector.WaitForCallAsync("send", c => c.ConversationId == AuditConversation && Plain(c.Text).Contains(contains, StringComparison.Ordinal), Wait)).Text);

    /// <summary>Plain text posted to <paramref name="channel"/> (not a card) containing all of <paramref name="contains"/>.</summary>
    public async Task<string> ChannelTextAsync(string channel, params string[] contains) =>
        Plain((await Connector.WaitForCallAsync(
            "send",
            c => c.ConversationId == channel && c.Card is null && contains.All(t => Plain(c.Text).Contains(t, StringComparison.Ordinal)),
            Wait)).Text);
}
