using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JitBot.Slack.Api;

/// <summary>
/// The few Slack Web API methods JitBot uses. JSON bodies for chat.*, conversations.open and views.open; a query
/// string for users.info and usergroups.users.list; the token travels only in the Authorization header. A typed
/// <see cref="HttpClient"/>: its base address is <c>Slack:ApiBaseUrl</c>. Retries and error mapping are in <c>SlackApiClient.Transport.cs</c>.
/// </summary>
internal sealed partial class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider timeProvider, ILogger<SlackApiClient> logger)
{
    /// <summary>How long views.open may take, retries included: a trigger id is good for 3 seconds.</summary>
    public static readonly TimeSpan ViewOpenBudget = TimeSpan.FromSeconds(2.5);

    public async Task<SlackMessageRef> PostMessageAsync(string channel, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body.Insert(0, "channel", channel);
        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        var answer = await PostJsonAsync("chat.postMessage", body, cancellationToken);
        return MessageRef("chat.postMessage", answer, channel);
    }

    public async Task<SlackMessageRef> UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body.Insert(0, "channel", channel);
        body.Insert(1, "ts", ts);
        var answer = await PostJsonAsync("chat.update", body, cancellationToken);
        return MessageRef("chat.update", answer, channel);
    }

    public async Task PostEphemeralAsync(string channel, string user, string text, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        await PostJsonAsync("chat.postEphemeral", body, cancellationToken);
    }

    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["users"] = userId };
        var answer = await PostJsonAsync("conversations.open", body, cancellationToken);
        return answer["channel"]?["id"]?.GetValue<string>()
            ?? throw new SlackApiException("conversations.open", "invalid_response");
    }

    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var answer = await GetAsync("users.info", $"user={Uri.EscapeDataString(userId)}", cancellationToken);
        var user = answer["user"] as JsonObject ?? throw new SlackApiException("users.info", "invalid_response");
        var profile = user["profile"] as JsonObject;
        var email = Text(profile?["email"]);
        var name = FirstNonEmpty(Text(profile?["real_name"]), Text(profile?["display_name"]), Text(user["real_name"]), Text(user["name"])) ?? userId;
        return new SlackUser(Text(user["id"]) ?? userId, email, name, Flag(user["deleted"]), Flag(user["is_bot"]));
    }

    /// <summary>
    /// Opens a modal with a trigger id (valid 3 seconds, once). Given at most <see cref="ViewOpenBudget"/> in all,
    /// retries included: past it the trigger has expired anyway. Returns the view's id.
    /// </summary>
    public async Task<string> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(ViewOpenBudget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var body = new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() };
        try
        {
            var answer = await PostJsonAsync("views.open", body, linked.Token);
            return Text(answer["view"]?["id"]) ?? throw new SlackApiException("views.open", "invalid_response");
        }
        catch (OperationCanceledException ex) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SlackApiException("views.open", "too_slow", HttpStatusCode.GatewayTimeout, ex);
        }
    }

    /// <summary>The user ids of a user group's members (<c>usergroups.users.list</c>, scope <c>usergroups:read</c>).</summary>
    public async Task<IReadOnlyList<string>> ListUsergroupMembersAsync(string usergroupId, CancellationToken cancellationToken)
    {
        var answer = await GetAsync("usergroups.users.list", $"usergroup={Uri.EscapeDataString(usergroupId)}", cancellationToken);
        var users = answer["users"] as JsonArray ?? throw new SlackApiException("usergroups.users.list", "invalid_response");
        return users.Select(Text).OfType<string>().ToList();
    }

    private static JsonObject MessageBody(SlackMessage message)
    {
        var body = new JsonObject { ["text"] = message.Text };
        if (message.Blocks is not null)
        {
            body["blocks"] = message.Blocks.DeepClone();
        }

        return body;
    }

    private static SlackMessageRef MessageRef(string method, JsonObject answer, string channel)
    {
        var ts = Text(answer["ts"]) ?? throw new SlackApiException(method, "invalid_response");
        return new SlackMessageRef(Text(answer["channel"]) ?? channel, ts);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
