using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JitBot.Testing.Teams;

namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>
/// Microsoft Teams around a bot under test: the Bot Framework identity server (metadata, signing keys, token
/// endpoint) and a Bot Connector on loopback, the people of the test policy as Teams members, and helpers that send
/// signed activities to <c>/api/messages</c> and wait for what the bot sends back.
/// </summary>
internal sealed partial class TeamsWorld : IAsyncDisposable
{
    public const string AppId = "6f1c3a2e-9b4d-4e7a-8c21-5d0f9e3b7a14";
    public const string AppPassword = "teams-app-password-8Qz~r4Vt.Kp2";
    public const string TenantId = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f";
    public const string TeamId = "19:jitbot-team-2f9c@thread.tacv2";
    public const string BotName = "JitBot";
    public const string ApproverChannel = "19:approvers7f3a@thread.tacv2";
    public const string GeneralChannel = "19:general9c1e@thread.tacv2";
    public const string AuditConversation = "19:audit5b2d@thread.tacv2";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly Func<HttpClient> client;
    private readonly Func<TimeProvider> clock;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> sentTokens = new();

    private TeamsWorld(FakeBotIdentityServer identity, FakeBotConnector connector, Func<HttpClient> client, Func<TimeProvider> clock)
    {
        Identity = identity;
        Connector = connector;
        this.client = client;
        this.clock = clock;
        Activities = new TeamsActivities(AppId, BotName, connector.ServiceUrl, TenantId, TeamId);
        foreach (var member in new[] { Alice, Bob, Erin, Carol, Dave, Mallory, Sec })
        {
            connector.AddMember(member);
        }
    }

    public FakeBotIdentityServer Identity { get; }

    public FakeBotConnector Connector { get; }

    public TeamsActivities Activities { get; }

    /// <summary>Every inbound token sent to the bot so far (to check none reaches a log).</summary>
    public IReadOnlyCollection<string> SentTokens => sentTokens;

    public FakeTeamsMember Alice { get; } = FakeTeamsMember.Create("Alice", "alice@example.com");

    public FakeTeamsMember Bob { get; } = FakeTeamsMember.Create("Bob", "bob@example.com");

    /// <summary>A member without <c>email</c>: known by the user principal name.</summary>
    public FakeTeamsMember Erin { get; } = FakeTeamsMember.Create("Erin", null, "Erin@Example.com");

    public FakeTeamsMember Carol { get; } = FakeTeamsMember.Create("Carol", "carol@example.com");

    public FakeTeamsMember Dave { get; } = FakeTeamsMember.Create("Dave", "dave@example.com");

    public FakeTeamsMember Mallory { get; } = FakeTeamsMember.Create("Mallory", "mallory@example.com");

    /// <summary>The security team's shared account (an admin in the harness's settings).</summary>
    public FakeTeamsMember Sec { get; } = FakeTeamsMember.Create("Security", "sec@example.com");

    /// <param name="clock">The bot's clock: inbound tokens are valid at its "now" (default: the real time).</param>
    public static async Task<TeamsWorld> StartAsync(Func<HttpClient> client, Func<TimeProvider>? clock = null)
    {
        var identity = await FakeBotIdentityServer.StartAsync(AppId, AppPassword, TenantId);
        var connector = await FakeBotConnector.StartAsync(identity.IsIssued);
        return new TeamsWorld(identity, connector, client, clock ?? (() => TimeProvider.System));
    }

    /// <summary>The bot's <c>Teams:</c> and <c>Audit:TeamsConversation</c> keys, pointing at the fakes.</summary>
    public void Configure(Dictionary<string, string?> settings)
    {
        settings["Teams:AppId"] = AppId;
        settings["Teams:AppPassword"] = AppPassword;
        settings["Teams:TenantId"] = TenantId;
        settings["Teams:OpenIdMetadataUrl"] = Identity.MetadataUrl;
        settings["Teams:ServiceUrl"] = Connector.ServiceUrl;
        settings["Teams:TokenEndpoint"] = Identity.TokenEndpoint;
        settings["Audit:TeamsConversation"] = AuditConversation;
    }

    /// <summary>Posts an activity to <c>/api/messages</c> with <paramref name="token"/> (default: a valid Bot Connector token).</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null, string scheme = "Bearer")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is null)
        {
            var now = clock().GetUtcNow();
            token = Identity.CreateToken(Connector.ServiceUrl, expires: now.AddMinutes(60), notBefore: now.AddMinutes(-5));
        }

        sentTokens.Enqueue(token);
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        return client().SendAsync(request);
    }

    /// <summary><c>@JitBot {text}</c> in the general channel; returns the text of the bot's threaded reply, decoded.</summary>
    public async Task<string> CommandTextAsync(FakeTeamsMember from, string text, string channel = GeneralChannel)
    {
        var activity = Activities.ChannelMention(from, channel, text);
        using (var response = await PostAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var conversation = activity["conversation"]!["id"]!.GetValue<string>();
        var reply = await Connector.WaitForCallAsync("reply", c => c.ConversationId == conversation, Wait);
        return Plain(reply.Text);
    }

    /// <summary>Files a request from the general channel and returns its id.</summary>
    public async Task<string> RequestAsync(FakeTeamsMember from, string text)
    {
        var answer = await CommandTextAsync(from, text);
        var match = RequestIdPattern().Match(answer);
        Assert.True(match.Success, $"no request id in: {answer}");
        return match.Value;
    }

    /// <summary>The card's first post to <paramref name="channel"/>.</summary>
    public Task<ConnectorCall> CardPostedAsync(string requestId, string channel = ApproverChannel) =>
        Connector.WaitForCallAsync("send", c => c.ConversationId == channel && c.Card is not null && c.Everything.Contains(requestId, StringComparison.Ordinal), Wait);

    /// <summary>The card as everyone sees it now (after the bot's PUTs).</summary>
    public JsonObject CurrentCard(ConnectorCall posted) =>
        (Connector.Activity(posted.ConversationId!, posted.ResultId!)?["attachments"]?[0]?["content"] as JsonObject)!;

    /// <summary>Clicks <paramref name="verb"/> on the request's card; returns the invoke response body.</summary>
    public async Task<JsonObject> ClickAsync(FakeTeamsMember who, string verb, string requestId, string channel = ApproverChannel)
    {
        var card = await CardPostedAsync(requestId, channel);
        using var response = await PostAsync(Activities.CardAction(who, channel, card.ResultId!, verb, requestId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(body), "an invoke must never be answered with an empty body");
        return (JsonObject)JsonNode.Parse(body)!;
    }

    /// <summary>A DM in the bot's 1:1 chat with <paramref name="who"/> (created by the bot, or the one they wrote in), naming the request.</summary>
    public Task<ConnectorCall> DmAsync(FakeTeamsMember who, string requestId, string contains) =>
        Connector.WaitForCallAsync(
            "send",
            c => IsChatWith(who, c.ConversationId)
                && Plain(c.Text).Contains(requestId, StringComparison.Ordinal) && Plain(c.Text).Contains(contains, StringComparison.Ordinal),
            Wait);

    public Task<ConnectorCall> AuditLineAsync(string requestId, string eventType) =>
        Connector.WaitForCallAsync("send", c => c.ConversationId == AuditConversation && Plain(c.Text).Contains($"[{requestId}] {eventType} ", StringComparison.Ordinal), Wait);

    /// <summary>Message text as a person reads it: tags dropped, entities decoded.</summary>
    public static string Plain(string text) => WebUtility.HtmlDecode(TagPattern().Replace(text.Replace("<br>", "\n", StringComparison.Ordinal), ""));

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
