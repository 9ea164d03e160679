using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace JitBot.Testing.Slack;

/// <summary>
/// Builds requests as Slack sends them to the bot: form-encoded like Slack (<c>+</c> for spaces, upper-case
/// <c>%XX</c>), signed with <c>X-Slack-Request-Timestamp</c> and <c>X-Slack-Signature: v0=…</c>.
/// Written apart from the bot's verifier on purpose: the two must agree without sharing code.
/// </summary>
public sealed class SlackRequestSigner(string signingSecret, TimeProvider? timeProvider = null)
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary><c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>.</summary>
    public string Sign(string timestamp, byte[] body)
    {
        var baseString = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), baseString));
    }

    /// <summary>A POST of <paramref name="body"/> signed at <paramref name="at"/> (default: now).</summary>
    public HttpRequestMessage Signed(string url, byte[] body, string contentType, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? _time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Unsigned(url, body, contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(timestamp, body));
        return request;
    }

    /// <summary>The same POST without signature headers.</summary>
    public static HttpRequestMessage Unsigned(string url, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    /// <summary>A slash command (<c>/jit {text}</c>) typed by <paramref name="userId"/> in <paramref name="channelId"/>.</summary>
    public HttpRequestMessage SlashCommand(string url, string userId, string channelId, string text, DateTimeOffset? at = null) =>
        Signed(url, Encoding.UTF8.GetBytes(FormEncode(SlashCommandFields(userId, channelId, text))), FormContentType, at);

    /// <summary>An interactivity request: the form field <c>payload</c> holding <paramref name="payloadJson"/>.</summary>
    public HttpRequestMessage Interaction(string url, string payloadJson, DateTimeOffset? at = null) =>
        Signed(url, Encoding.UTF8.GetBytes(FormEncode([new("payload", payloadJson)])), FormContentType, at);

    /// <summary>A click on a message button (block_actions).</summary>
    public HttpRequestMessage ButtonClick(string url, string userId, string channelId, string actionId, string value, DateTimeOffset? at = null) =>
        Interaction(url, SlackPayloads.ButtonClick(userId, channelId, actionId, value), at);

    /// <summary>A click on a message button in <paramref name="channelId"/>, on the message <paramref name="messageTs"/> with <paramref name="messageText"/>.</summary>
    public HttpRequestMessage ButtonClick(string url, string userId, string channelId, string actionId, string value, string messageTs, string messageText) =>
        Interaction(url, SlackPayloads.ButtonClick(userId, channelId, actionId, value, messageTs, messageText));

    /// <summary>A modal submission (view_submission) of <paramref name="view"/> with <paramref name="inputs"/> by block id.</summary>
    public HttpRequestMessage ViewSubmission(string url, string userId, JsonObject view, IReadOnlyDictionary<string, string> inputs) =>
        Interaction(url, SlackPayloads.ViewSubmission(userId, view, inputs));

    /// <summary>An Events API request (JSON body).</summary>
    public HttpRequestMessage Event(string url, string json, DateTimeOffset? at = null) =>
        Signed(url, Encoding.UTF8.GetBytes(json), "application/json", at);

    /// <summary>The fields Slack sends with a slash command.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SlashCommandFields(string userId, string channelId, string text, string command = "/jit") =>
    [
        new("token", "deprecated-verification-token"),
        new("team_id", "TFAKE"),
        new("team_domain", "fake"),
        new("channel_id", channelId),
        new("channel_name", "approvals"),
        new("user_id", userId),
        new("user_name", userId.ToLowerInvariant()),
        new("command", command),
        new("text", text),
        new("api_app_id", "AFAKE"),
        new("response_url", "https://hooks.slack.com/commands/TFAKE/1/fake"),
        new("trigger_id", SlackPayloads.NewTriggerId()),
    ];

    /// <summary><c>application/x-www-form-urlencoded</c> as Slack writes it.</summary>
    public static string FormEncode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));
}
