using System.Text.Json.Nodes;

namespace JitBot.Teams.Activities;

/// <summary>
/// The parts of an inbound Bot Framework activity JitBot reads (protocol B8). The tenant is read from
/// <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.
/// </summary>
internal sealed record TeamsActivity(
    string Type,
    string? Id,
    string? Name,
    string? ChannelId,
    string ServiceUrl,
    ChannelAccount? From,
    ChannelAccount? Recipient,
    string ConversationId,
    string? ConversationType,
    string? TenantId,
    string? TeamId,
    string? Text,
    IReadOnlyList<Mention> Mentions,
    JsonNode? Value,
    string? ReplyToId)
{
    public const string MessageType = "message";

    public const string InvokeType = "invoke";

    public bool IsPersonal => string.Equals(ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The conversation without a thread suffix: <c>19:…@thread.tacv2;messageid=1</c> → <c>19:…@thread.tacv2</c>.</summary>
    public string BaseConversationId => BaseOf(ConversationId);

    public static string BaseOf(string conversationId)
    {
        var semicolon = conversationId.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? conversationId : conversationId[..semicolon];
    }

    /// <summary>The activity, or null when a required part (type, serviceUrl, conversation id) is missing.</summary>
    public static TeamsActivity? Parse(JsonObject json)
    {
        var conversation = json["conversation"] as JsonObject;
        if (Str(json["type"]) is not { } type || Str(json["serviceUrl"]) is not { } serviceUrl || Str(conversation?["id"]) is not { } conversationId)
        {
            return null;
        }

        var channelData = json["channelData"] as JsonObject;
        return new TeamsActivity(
            type,
            Str(json["id"]),
            Str(json["name"]),
            Str(json["channelId"]),
            serviceUrl,
            Account(json["from"]),
            Account(json["recipient"]),
            conversationId,
            Str(conversation?["conversationType"]),
            Str((channelData?["tenant"] as JsonObject)?["id"]) ?? Str(conversation?["tenantId"]),
            Str((channelData?["team"] as JsonObject)?["id"]),
            json["text"] is JsonValue text && text.TryGetValue<string>(out var value) ? value : null,
            ReadMentions(json["entities"]),
            json["value"],
            Str(json["replyToId"]));
    }

    private static ChannelAccount? Account(JsonNode? node) =>
        node is JsonObject account && Str(account["id"]) is { } id ? new ChannelAccount(id, Str(account["name"]), Str(account["aadObjectId"])) : null;

    private static List<Mention> ReadMentions(JsonNode? entities)
    {
        var mentions = new List<Mention>();
        foreach (var entity in (entities as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Str(entity["type"]) == "mention" && entity["mentioned"] is JsonObject mentioned && Str(mentioned["id"]) is { } id)
            {
                mentions.Add(new Mention(Str(entity["text"]) ?? "", id, Str(mentioned["name"])));
            }
        }

        return mentions;
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
