using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JitBot.Slack.Api;

/// <summary>
/// The few Slack Web API methods JitBot uses. JSON bodies for chat.*, a query string for users.info;
/// the token travels only in the Authorization header. A typed <see cref="HttpClient"/>: its base address is
/// <c>Slack:ApiBaseUrl</c>. Retries and error mapping are in <c>SlackApiClient.Transport.cs</c>.
/// </summary>
internal sealed partial class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider timeProvider, ILogger<SlackApiClient> logger)
{
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
