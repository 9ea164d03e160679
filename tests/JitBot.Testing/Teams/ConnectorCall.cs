using System.Text.Json.Nodes;

namespace JitBot.Testing.Teams;

/// <summary>
/// One Bot Connector call the fake received: the operation (<c>send</c>, <c>reply</c>, <c>update</c>,
/// <c>create</c>, <c>member</c>), the HTTP verb, the raw request target (escaping as sent), the decoded ids, the
/// Authorization header, the JSON body, the status the fake answered and the id it answered with (a posted activity's).
/// </summary>
public sealed record ConnectorCall(
    string Operation,
    string HttpMethod,
    string RawTarget,
    string? ConversationId,
    string? ActivityId,
    string? Authorization,
    JsonObject? Json,
    int StatusCode,
    string? ResultId = null)
{
    /// <summary>The activity's <c>text</c>, if any.</summary>
    public string Text => Json?["text"] is JsonValue text && text.TryGetValue<string>(out var value) ? value : "";

    /// <summary>The first attachment's Adaptive Card, if any.</summary>
    public JsonObject? Card => (Json?["attachments"] as JsonArray)?.FirstOrDefault()?["content"] as JsonObject;

    /// <summary>Text and card together, for "mentions this request id" checks.</summary>
    public string Everything => Json?.ToJsonString() ?? "";
}
