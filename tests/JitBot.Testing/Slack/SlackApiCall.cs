using System.Text.Json.Nodes;

namespace JitBot.Testing.Slack;

/// <summary>
/// One Web API call the fake received: the method name, the HTTP verb, the Authorization header, the parsed JSON
/// body (if JSON) and the query/form parameters, and the HTTP status the fake answered with.
/// </summary>
public sealed record SlackApiCall(
    string Method,
    string HttpMethod,
    string? Authorization,
    string? ContentType,
    JsonObject? Json,
    IReadOnlyDictionary<string, string> Parameters,
    int StatusCode)
{
    /// <summary>A top-level argument, from the JSON body or else the query/form.</summary>
    public string? Arg(string name) =>
        Json?[name] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : Parameters.GetValueOrDefault(name);

    /// <summary>The <c>blocks</c> argument (a JSON array, or a JSON string as form encoding sends it).</summary>
    public JsonArray? Blocks =>
        Json?["blocks"] as JsonArray ?? (Parameters.GetValueOrDefault("blocks") is { } text ? JsonNode.Parse(text) as JsonArray : null);

    /// <summary>The <c>view</c> argument of views.open (a JSON object, or a JSON string as form encoding sends it).</summary>
    public JsonObject? View =>
        Json?["view"] as JsonObject ?? (Parameters.GetValueOrDefault("view") is { } text ? JsonNode.Parse(text) as JsonObject : null);
}
