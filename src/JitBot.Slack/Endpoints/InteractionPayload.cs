using System.Text.Json;
using System.Text.Json.Serialization;

namespace JitBot.Slack.Endpoints;

/// <summary>The parts of an interactivity <c>payload</c> JitBot reads: block_actions from a message, view_submission.</summary>
internal sealed record InteractionPayload(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("user")] InteractionPayload.IdRef? User,
    [property: JsonPropertyName("channel")] InteractionPayload.IdRef? Channel,
    [property: JsonPropertyName("container")] InteractionPayload.ContainerRef? Container,
    [property: JsonPropertyName("actions")] IReadOnlyList<InteractionPayload.Action>? Actions)
{
    public const string BlockActions = "block_actions";

    public const string ViewSubmission = "view_submission";

    /// <summary>Opens a modal, once, within 3 seconds of the interaction.</summary>
    [JsonPropertyName("trigger_id")]
    public string? TriggerId { get; init; }

    /// <summary>The message clicked on (absent when it was ephemeral).</summary>
    [JsonPropertyName("message")]
    public MessageRef? Message { get; init; }

    /// <summary>The submitted modal (view_submission).</summary>
    [JsonPropertyName("view")]
    public SubmittedView? View { get; init; }

    /// <summary>The conversation the click happened in: <c>channel.id</c>, else <c>container.channel_id</c>.</summary>
    public string? ChannelId => Channel?.Id is { Length: > 0 } id ? id : Container?.ChannelId;

    /// <summary>Parses the JSON; null with a short reason when it isn't an interaction payload.</summary>
    public static InteractionPayload? TryParse(string? json, out string problem)
    {
        problem = "";
        if (string.IsNullOrWhiteSpace(json))
        {
            problem = "missing payload";
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<InteractionPayload>(json);
            problem = payload is null ? "payload is not a JSON object" : "";
            return payload;
        }
        catch (JsonException)
        {
            problem = "payload is not valid JSON";
            return null;
        }
    }

    internal sealed record IdRef([property: JsonPropertyName("id")] string? Id);

    internal sealed record ContainerRef(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("channel_id")] string? ChannelId,
        [property: JsonPropertyName("message_ts")] string? MessageTs);

    internal sealed record MessageRef(
        [property: JsonPropertyName("ts")] string? Ts,
        [property: JsonPropertyName("text")] string? Text);

    internal sealed record Action(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("action_id")] string? ActionId,
        [property: JsonPropertyName("value")] string? Value);
}
