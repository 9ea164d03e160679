using System.Text.Json.Nodes;
using JitBot.Slack.Cards;

namespace JitBot.Slack.Modals;

/// <summary>Block Kit builders for modals, within Slack's documented limits (title and buttons ≤ 24 characters, option text ≤ 75).</summary>
internal static class ModalKit
{
    public const int MaxTitle = 24;

    public const int MaxOptionText = 75;

    public const int MaxOptionValue = 150;

    public const int MaxOptions = 100;

    public const int MaxPrivateMetadata = 3000;

    public static JsonObject Modal(string callbackId, string title, string submit, string privateMetadata, params JsonObject[] blocks) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = callbackId,
        ["private_metadata"] = privateMetadata,
        ["title"] = BlockKit.PlainText(Mrkdwn.Truncate(title, MaxTitle)),
        ["submit"] = BlockKit.PlainText(Mrkdwn.Truncate(submit, MaxTitle)),
        ["close"] = BlockKit.PlainText("Cancel"),
        ["blocks"] = new JsonArray(blocks),
    };

    /// <summary>An input block: a label over one element; errors from a submission are shown under it.</summary>
    public static JsonObject Input(string blockId, string label, JsonObject element, string? hint = null)
    {
        var input = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = blockId,
            ["label"] = BlockKit.PlainText(label),
            ["element"] = element,
            ["optional"] = false,
        };
        if (hint is not null)
        {
            input["hint"] = BlockKit.PlainText(hint);
        }

        return input;
    }

    public static JsonObject TextInput(string actionId, string placeholder, int maxLength, bool multiline = false) => new()
    {
        ["type"] = "plain_text_input",
        ["action_id"] = actionId,
        ["placeholder"] = BlockKit.PlainText(placeholder),
        ["max_length"] = maxLength,
        ["multiline"] = multiline,
    };

    /// <summary>A select menu of options in labelled groups; preselected when there is only one option.</summary>
    public static JsonObject GroupedSelect(string actionId, string placeholder, IEnumerable<(string Label, IReadOnlyList<JsonObject> Options)> groups)
    {
        var list = groups.Where(g => g.Options.Count > 0).Take(MaxOptions).ToList();
        var select = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = actionId,
            ["placeholder"] = BlockKit.PlainText(placeholder),
            ["option_groups"] = new JsonArray(list.Select(g => (JsonNode)new JsonObject
            {
                ["label"] = BlockKit.PlainText(Mrkdwn.Truncate(g.Label, MaxOptionText)),
                ["options"] = new JsonArray(g.Options.Take(MaxOptions).Select(o => (JsonNode)o.DeepClone()).ToArray()),
            }).ToArray()),
        };
        if (list is [{ Options: [var only] }])
        {
            select["initial_option"] = only.DeepClone();
        }

        return select;
    }

    public static JsonObject Option(string text, string value) => new()
    {
        ["text"] = BlockKit.PlainText(Mrkdwn.Truncate(text, MaxOptionText)),
        ["value"] = value,
    };
}
