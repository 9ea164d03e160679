using System.Text.Json.Nodes;
using JitBot.Core.Requests;

namespace JitBot.Teams.Cards;

/// <summary>
/// The reason of a Deny on Teams: an <c>Input.Text</c> (id <see cref="InputId"/>) in the card the Deny button opens,
/// which Teams sends with <c>jit.deny</c> in <c>value.action.data</c> (an <c>Action.Submit</c> fallback: in
/// <c>value</c>). Optional, as with <c>deny &lt;id&gt;</c>; line breaks become spaces, as in a typed command, so that
/// the audit line stays one line. Pure.
/// </summary>
internal static class DenyReasonInput
{
    public const string InputId = "reason";

    public const int MaxLength = RequestValidator.MaxReasonLength;

    public static readonly string TooLong = $"The reason is too long: at most {MaxLength} characters. Shorten it and deny again.";

    public static JsonObject Render() => new()
    {
        ["type"] = "Input.Text",
        ["id"] = InputId,
        ["label"] = "Reason (the requester will see it)",
        ["placeholder"] = "e.g. use the read replica instead",
        ["isMultiline"] = true,
        ["maxLength"] = MaxLength,
    };

    /// <summary>The reason in <paramref name="data"/> (null when none was given), or the problem with it.</summary>
    public static (string? Reason, string? Problem) Read(JsonObject? data)
    {
        if (data?[InputId] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return (null, null);
        }

        var reason = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return reason.Length switch
        {
            0 => (null, null),
            > MaxLength => (null, TooLong),
            _ => (reason, null),
        };
    }
}
