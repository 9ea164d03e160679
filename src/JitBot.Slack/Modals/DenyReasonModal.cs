using System.Text.Json.Nodes;
using JitBot.Core.Requests;
using JitBot.Slack.Cards;

namespace JitBot.Slack.Modals;

/// <summary>
/// The modal the Deny button opens: one required reason, shown to the requester. Its <c>private_metadata</c> is
/// <c>{request id}|{card channel}</c>, so the submission knows what is denied and where the click happened.
/// </summary>
internal static class DenyReasonModal
{
    public const string CallbackId = "jit.deny_reason";

    public const string ReasonBlockId = "reason";

    public const string ReasonActionId = "value";

    public const int MaxReason = RequestValidator.MaxReasonLength;

    public static JsonObject Render(string requestId, string channelId) => ModalKit.Modal(
        CallbackId,
        "Deny request",
        "Deny",
        $"{requestId}|{channelId}",
        BlockKit.Section($"jit-deny-{requestId}", $"Deny *{Mrkdwn.Escape(requestId)}*? The requester will see your reason."),
        ModalKit.Input(
            ReasonBlockId,
            "Reason",
            ModalKit.TextInput(ReasonActionId, "e.g. use the read replica instead", MaxReason, multiline: true)));

    public static bool TryReadMetadata(string? metadata, out string requestId, out string channelId)
    {
        requestId = "";
        channelId = "";
        var parts = (metadata ?? "").Split('|');
        if (parts.Length != 2 || parts[1].Length == 0 || !RequestIds.TryNormalize(parts[0], out requestId))
        {
            return false;
        }

        channelId = parts[1];
        return true;
    }
}
