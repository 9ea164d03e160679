using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JitBot.Teams.Configuration;
using Microsoft.Extensions.Logging;

namespace JitBot.Teams.Api;

/// <summary>
/// The few Bot Connector REST operations JitBot uses (protocol B10), against the <c>serviceUrl</c> a conversation
/// was seen with. Ids are escaped into paths; the bearer token comes from <see cref="BotTokenProvider"/> and is
/// replaced once when the connector answers 401. Retries are <see cref="TeamsHttpSender"/>'s.
/// </summary>
internal sealed partial class BotConnectorClient(HttpClient http, BotTokenProvider tokens, TeamsHttpSender sender, ILogger<BotConnectorClient> logger)
{
    /// <summary>Posts an activity to a conversation (a new post in a channel, a message in a chat) and returns its id.</summary>
    public async Task<string> SendAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, "send activity", cancellationToken);
        return Text(answer?["id"]) ?? throw new TeamsApiException("send activity", "invalid_response");
    }

    /// <summary>Replies to an activity, in its thread.</summary>
    public async Task<string?> ReplyAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        var answer = await CallAsync(HttpMethod.Post, serviceUrl, path, activity, "reply", cancellationToken);
        return Text(answer?["id"]);
    }

    /// <summary>Replaces a posted activity (a card) with <paramref name="activity"/>.</summary>
    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        await CallAsync(HttpMethod.Put, serviceUrl, path, activity, "update activity", cancellationToken);
    }

    /// <summary>Creates (or finds) the bot's 1:1 chat with a user and returns its conversation id.</summary>
    public async Task<string> CreateConversationAsync(string serviceUrl, string botId, string userId, string? tenantId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["isGroup"] = false,
        };
        if (!string.IsNullOrWhiteSpace(tenantId))
        {
            body["tenantId"] = tenantId;
            body["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        }

        var answer = await CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body, "create conversation", cancellationToken);
        return Text(answer?["id"]) ?? throw new TeamsApiException("create conversation", "invalid_response");
    }

    /// <summary>One member of a conversation or team; null when the connector does not know them there.</summary>
    public async Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        JsonObject? answer;
        try
        {
            answer = await CallAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}", null, "get member", cancellationToken);
        }
        catch (TeamsApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound)
        {
            return null;
        }

        return answer is null || Text(answer["id"]) is not { } id
            ? null
            : new TeamsMember(id, Text(answer["name"]), Text(answer["aadObjectId"]), Text(answer["email"]), Text(answer["userPrincipalName"]), Text(answer["tenantId"]));
    }

    /// <summary><paramref name="serviceUrl"/> and <paramref name="path"/> joined by exactly one slash.</summary>
    public static Uri Join(string serviceUrl, string path)
    {
        if (!UrlRules.IsAllowed(serviceUrl))
        {
            throw new TeamsApiException("connector", "service URL must be https (http only on loopback)");
        }

        return new Uri(serviceUrl.TrimEnd('/') + "/" + path.TrimStart('/'));
    }

    private async Task<JsonObject?> CallAsync(HttpMethod method, string serviceUrl, string path, JsonObject? body, string operation, CancellationToken cancellationToken)
    {
        var uri = Join(serviceUrl, path);
        var json = body?.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetTokenAsync(cancellationToken);
            using var response = await sender.SendAsync(http, operation, () => Build(method, uri, json, token), cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                Log.TokenRefused(logger, operation);
                tokens.Invalidate(token);
                continue;
            }

            var answer = await ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return answer;
            }

            var error = ErrorCode(answer) ?? $"http_{(int)response.StatusCode}";
            Log.Failed(logger, operation, (int)response.StatusCode, error);
            throw new TeamsApiException(operation, error, response.StatusCode);
        }
    }

    private static HttpRequestMessage Build(HttpMethod method, Uri uri, string? json, string token)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The connector's error code: <c>error.code</c>, or Teams' <c>errorCode</c> (e.g. 209 for a blocked bot).</summary>
    private static string? ErrorCode(JsonObject? answer) =>
        Text((answer?["error"] as JsonObject)?["code"]) ?? Text(answer?["error"])
        ?? (answer?["errorCode"] is JsonValue code ? code.ToJsonString().Trim('"') : null);

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "The Bot Connector refused the bot's token for {Operation}; getting a new one")]
        public static partial void TokenRefused(ILogger logger, string operation);

        [LoggerMessage(EventId = 4122, Level = LogLevel.Warning, Message = "Teams {Operation} answered HTTP {Status}: {Error}")]
        public static partial void Failed(ILogger logger, string operation, int status, string error);
    }
}
