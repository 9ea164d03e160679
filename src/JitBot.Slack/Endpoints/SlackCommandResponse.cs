using System.Text.Json.Serialization;

namespace JitBot.Slack.Endpoints;

/// <summary>The JSON answer to a slash command: a message only the person who typed it sees.</summary>
internal sealed record SlackCommandResponse(
    [property: JsonPropertyName("response_type")] string ResponseType,
    [property: JsonPropertyName("text")] string Text)
{
    public static SlackCommandResponse Ephemeral(string text) => new("ephemeral", text);
}
