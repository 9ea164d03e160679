using System.Text.Json.Serialization;

namespace JitBot.Slack.Endpoints;

/// <summary>A modal as a <c>view_submission</c> payload carries it: which one, its metadata and what was typed or picked.</summary>
internal sealed record SubmittedView(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("callback_id")] string? CallbackId,
    [property: JsonPropertyName("private_metadata")] string? PrivateMetadata,
    [property: JsonPropertyName("state")] SubmittedView.ViewState? State)
{
    /// <summary>
    /// What the input <paramref name="actionId"/> of block <paramref name="blockId"/> holds: a text input's value or a
    /// select's chosen option value; null when empty or absent.
    /// </summary>
    public string? Input(string blockId, string actionId) =>
        State?.Values?.GetValueOrDefault(blockId)?.GetValueOrDefault(actionId) is { } input
            ? input.Value ?? input.SelectedOption?.Value
            : null;

    internal sealed record ViewState(
        [property: JsonPropertyName("values")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, InputState>>? Values);

    internal sealed record InputState(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("value")] string? Value,
        [property: JsonPropertyName("selected_option")] SelectedOptionRef? SelectedOption);

    internal sealed record SelectedOptionRef([property: JsonPropertyName("value")] string? Value);
}
