using System.Text.Json.Nodes;

namespace JitBot.Testing.Slack;

/// <summary>Interaction payloads shaped like Slack's (written for JitBot, not copied from captures).</summary>
public static class SlackPayloads
{
    /// <summary>A <c>block_actions</c> payload: <paramref name="userId"/> clicked a button on a message in <paramref name="channelId"/>.</summary>
    public static string ButtonClick(string userId, string channelId, string actionId, string value, string messageTs = "1700000000.000100") =>
        new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = "TFAKE" },
            ["api_app_id"] = "AFAKE",
            ["token"] = "deprecated-verification-token",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channelId, ["is_ephemeral"] = false },
            ["trigger_id"] = "1.2.fake",
            ["team"] = new JsonObject { ["id"] = "TFAKE", ["domain"] = "fake" },
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "approvals" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "JIT request" },
            ["response_url"] = "https://hooks.slack.com/actions/TFAKE/1/fake",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "jit-actions",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Approve" },
                ["value"] = value,
                ["action_ts"] = "1700000001.000200",
            }),
        }.ToJsonString();

    /// <summary>An Events API <c>url_verification</c> request body.</summary>
    public static string UrlVerification(string challenge) =>
        new JsonObject { ["token"] = "deprecated-verification-token", ["challenge"] = challenge, ["type"] = "url_verification" }.ToJsonString();
}
