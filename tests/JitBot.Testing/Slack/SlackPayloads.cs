using System.Globalization;
using System.Text.Json.Nodes;

namespace JitBot.Testing.Slack;

/// <summary>Interaction payloads shaped like Slack's (written for JitBot, not copied from captures).</summary>
public static class SlackPayloads
{
    private static long _triggers;

    /// <summary>A fresh trigger id, as Slack sends with every slash command and interaction (one use each).</summary>
    public static string NewTriggerId() =>
        $"{Interlocked.Increment(ref _triggers).ToString(CultureInfo.InvariantCulture)}.4744562.{Guid.NewGuid():N}";

    /// <summary>
    /// A <c>block_actions</c> payload: <paramref name="userId"/> clicked a button on a message in <paramref name="channelId"/>
    /// (<paramref name="messageText"/> is the message's text as Slack echoes it).
    /// </summary>
    public static string ButtonClick(string userId, string channelId, string actionId, string value, string messageTs = "1700000000.000100", string messageText = "JIT request") =>
        new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = User(userId),
            ["api_app_id"] = "AFAKE",
            ["token"] = "deprecated-verification-token",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channelId, ["is_ephemeral"] = false },
            ["trigger_id"] = NewTriggerId(),
            ["team"] = new JsonObject { ["id"] = "TFAKE", ["domain"] = "fake" },
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "approvals" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = messageText },
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

    /// <summary>
    /// A <c>view_submission</c> of <paramref name="view"/> (as the bot opened it) by <paramref name="userId"/>, with
    /// <paramref name="inputs"/> by block id: the text typed, or the value of the option picked in a select.
    /// Blocks not named are submitted empty.
    /// </summary>
    public static string ViewSubmission(string userId, JsonObject view, IReadOnlyDictionary<string, string> inputs)
    {
        var values = new JsonObject();
        foreach (var block in (view["blocks"] as JsonArray ?? []).OfType<JsonObject>().Where(b => Str(b["type"]) == "input"))
        {
            var (blockId, element) = (Str(block["block_id"])!, block["element"] as JsonObject);
            var state = new JsonObject { ["type"] = Str(element?["type"]) };
            var input = inputs.GetValueOrDefault(blockId);
            if (Str(element?["type"]) == "static_select")
            {
                state["selected_option"] = input is null ? null : Option(element!, input);
            }
            else
            {
                state["value"] = input;
            }

            values[blockId] = new JsonObject { [Str(element?["action_id"]) ?? "value"] = state };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "TFAKE", ["domain"] = "fake" },
            ["user"] = User(userId),
            ["api_app_id"] = "AFAKE",
            ["token"] = "deprecated-verification-token",
            ["trigger_id"] = NewTriggerId(),
            ["view"] = new JsonObject
            {
                ["id"] = view["id"]?.DeepClone() ?? "V0FAKE",
                ["type"] = "modal",
                ["callback_id"] = view["callback_id"]?.DeepClone(),
                ["private_metadata"] = view["private_metadata"]?.DeepClone() ?? "",
                ["hash"] = "fake-hash",
                ["blocks"] = view["blocks"]?.DeepClone(),
                ["state"] = new JsonObject { ["values"] = values },
            },
            ["response_urls"] = new JsonArray(),
        }.ToJsonString();
    }

    /// <summary>An Events API <c>url_verification</c> request body.</summary>
    public static string UrlVerification(string challenge) =>
        new JsonObject { ["token"] = "deprecated-verification-token", ["challenge"] = challenge, ["type"] = "url_verification" }.ToJsonString();

    private static JsonObject User(string userId) =>
        new() { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = "TFAKE" };

    /// <summary>The select's option with <paramref name="value"/> (as Slack sends it back), or one made up for a value not offered.</summary>
    private static JsonObject Option(JsonObject select, string value)
    {
        var options = (select["options"] as JsonArray ?? []).Concat((select["option_groups"] as JsonArray ?? []).SelectMany(g => g?["options"] as JsonArray ?? []));
        return options.FirstOrDefault(o => Str(o?["value"]) == value)?.DeepClone() as JsonObject
            ?? new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value };
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
