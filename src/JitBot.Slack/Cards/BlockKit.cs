using System.Text.Json.Nodes;

namespace JitBot.Slack.Cards;

/// <summary>Small builders for the Block Kit JSON JitBot posts, within Slack's documented limits.</summary>
internal static class BlockKit
{
    public const int MaxSectionText = 3000;

    public const int MaxFieldText = 2000;

    public const int MaxHeaderText = 150;

    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    public static JsonObject MrkdwnText(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(Mrkdwn.Truncate(text, MaxHeaderText)),
    };

    public static JsonObject Section(string blockId, string mrkdwn) => new()
    {
        ["type"] = "section",
        ["block_id"] = blockId,
        ["text"] = MrkdwnText(Mrkdwn.Truncate(mrkdwn, MaxSectionText)),
    };

    /// <summary>A section of label/value fields (at most 10), each shown as <c>*Label:*</c> over its value.</summary>
    public static JsonObject Fields(string blockId, IEnumerable<(string Label, string Value)> fields)
    {
        var items = new JsonArray();
        foreach (var (label, value) in fields.Take(10))
        {
            items.Add(MrkdwnText(Mrkdwn.Truncate($"*{label}:*\n{value}", MaxFieldText)));
        }

        return new JsonObject { ["type"] = "section", ["block_id"] = blockId, ["fields"] = items };
    }

    public static JsonObject Actions(string blockId, params JsonObject[] elements) => new()
    {
        ["type"] = "actions",
        ["block_id"] = blockId,
        ["elements"] = new JsonArray(elements),
    };

    public static JsonObject Button(string actionId, string text, string value, string? style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = PlainText(text),
            ["value"] = value,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    public static JsonObject Context(string blockId, string mrkdwn) => new()
    {
        ["type"] = "context",
        ["block_id"] = blockId,
        ["elements"] = new JsonArray(MrkdwnText(Mrkdwn.Truncate(mrkdwn, MaxSectionText))),
    };
}
