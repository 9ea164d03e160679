using System.Text.Json.Nodes;

namespace JitBot.Teams.Activities;

/// <summary>
/// The body of the HTTP answer to an <c>adaptiveCard/action</c> invoke (protocol B11): always HTTP 200 with
/// <c>{statusCode, type, value}</c>, never an empty body.
/// </summary>
internal sealed record InvokeResponse(int StatusCode, string Type, JsonNode Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    public const string MessageType = "application/vnd.microsoft.activity.message";

    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>The card the clicker sees in place of the one they clicked.</summary>
    public static InvokeResponse Card(JsonObject card) => new(200, CardType, card);

    /// <summary>A message only the clicker sees; the card stays as it was.</summary>
    public static InvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });

    public JsonObject ToJson() => new() { ["statusCode"] = StatusCode, ["type"] = Type, ["value"] = Value.DeepClone() };
}
