using System.Text.Json.Nodes;

namespace JitBot.Teams.Activities;

/// <summary>The activities JitBot sends: a text message or a card alone (text and a card together get split by Teams).</summary>
internal static class OutboundActivity
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>A message of plain text from the core, HTML-escaped and sent as <c>xml</c> so that it shows exactly as written.</summary>
    public static JsonObject Text(string plainText) => new()
    {
        ["type"] = "message",
        ["text"] = TeamsText.Escape(plainText),
        ["textFormat"] = "xml",
    };

    /// <summary>A text reply that @mentions <paramref name="who"/> first, so they are notified in a busy channel.</summary>
    public static JsonObject TextMentioning(ChannelAccount who, string plainText)
    {
        var name = TeamsText.Escape(string.IsNullOrWhiteSpace(who.Name) ? "you" : who.Name);
        var markup = $"<at>{name}</at>";
        return new JsonObject
        {
            ["type"] = "message",
            ["text"] = markup + " " + TeamsText.Escape(plainText),
            ["textFormat"] = "xml",
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = markup,
                ["mentioned"] = new JsonObject { ["id"] = who.Id, ["name"] = who.Name ?? "" },
            }),
        };
    }

    public static JsonObject Card(JsonObject card, string? activityId = null)
    {
        var activity = new JsonObject { ["type"] = "message" };
        if (activityId is not null)
        {
            activity["id"] = activityId;
        }

        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = AdaptiveCardContentType, ["content"] = card.DeepClone() });
        return activity;
    }
}
