using System.Text.Json.Nodes;

namespace JitBot.Teams.Cards;

/// <summary>
/// Small builders for the Adaptive Card JSON JitBot sends. Text that comes from people (names, reasons) goes only
/// into <c>TextRun</c>s, which Teams shows literally (no Markdown, so no links or formatting can be smuggled in).
/// </summary>
internal static class AdaptiveCards
{
    public const string Version = "1.5";

    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public const int MaxRunText = 1000;

    public static JsonObject Card(string fallbackText, JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = Schema,
        ["version"] = Version,
        ["fallbackText"] = Truncate(fallbackText, 300),
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = body,
    };

    /// <summary>A heading or a fixed phrase: JitBot's own words only.</summary>
    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock", ["text"] = text, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true,
    };

    /// <summary>One paragraph of runs.</summary>
    public static JsonObject Paragraph(params JsonObject[] runs) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray(runs),
    };

    /// <summary>A <c>Label: value</c> line, the label bold.</summary>
    public static JsonObject Field(string label, string value) => Paragraph(Run(label + ": ", bold: true), Run(value));

    public static JsonObject Run(string text, bool bold = false, bool italic = false, bool subtle = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = Truncate(text, MaxRunText) };
        if (bold)
        {
            run["weight"] = "Bolder";
        }

        if (italic)
        {
            run["italic"] = true;
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return run;
    }

    /// <summary>A Universal Actions button, with an <c>Action.Submit</c> fallback for clients before card 1.5.</summary>
    public static JsonObject Execute(string title, string verb, string requestId, string? style)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = new JsonObject { ["requestId"] = requestId },
        };
        if (style is not null)
        {
            action["style"] = style;
        }

        action["fallback"] = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = new JsonObject { ["verb"] = verb, ["requestId"] = requestId },
        };
        return action;
    }

    /// <summary>
    /// A button that opens <paramref name="body"/> and <paramref name="actions"/> under the card (<c>Action.ShowCard</c>,
    /// card 1.0, so no fallback is needed): where a click needs input first, such as a reason.
    /// </summary>
    public static JsonObject ShowCard(string title, string? style, JsonArray body, JsonArray actions)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = title,
        };
        if (style is not null)
        {
            action["style"] = style;
        }

        action["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = body, ["actions"] = actions };
        return action;
    }

    /// <summary>
    /// The card's <c>refresh</c>: Teams invokes <paramref name="verb"/> for each listed user who sees it (and for
    /// everyone in a conversation of 60 or fewer), so that each sees their own view.
    /// </summary>
    public static JsonObject Refresh(string verb, string requestId, IReadOnlyList<string> userIds)
    {
        var refresh = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "Refresh",
                ["verb"] = verb,
                ["data"] = new JsonObject { ["requestId"] = requestId },
            },
        };
        if (userIds.Count > 0)
        {
            refresh["userIds"] = new JsonArray(userIds.Take(CardAudience.MaxRefreshUsers).Select(id => (JsonNode)JsonValue.Create(id)!).ToArray());
        }

        return refresh;
    }

    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
