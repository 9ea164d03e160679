using System.Text.Json.Nodes;

namespace JitBot.Testing.Teams;

/// <summary>
/// Inbound activities as the Bot Connector posts them to the bot (shapes from the Bot Framework activity spec and
/// captured Teams traffic): a channel message that @mentions the bot, a 1:1 message, an Adaptive Card action invoke,
/// and the bot being added to a team.
/// </summary>
public sealed class TeamsActivities(string botAppId, string botName, string serviceUrl, string tenantId, string teamId)
{
    private static int _sequence;

    public string BotId => "28:" + botAppId;

    /// <summary><c>@JitBot {text}</c> posted as a new message in a channel.</summary>
    public JsonObject ChannelMention(FakeTeamsMember from, string channelId, string text)
    {
        var id = NextId();
        var mention = $"<at>{botName}</at>";
        var activity = Base("message", id, from, new JsonObject
        {
            ["id"] = $"{channelId};messageid={id}",
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = tenantId,
        });
        activity["text"] = $"{mention} {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = mention, ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = botName } },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" });
        activity["channelData"] = ChannelData(channelId);
        return activity;
    }

    /// <summary><paramref name="text"/> typed in the user's 1:1 chat with the bot.</summary>
    public JsonObject Personal(FakeTeamsMember from, string text, string? conversationId = null)
    {
        var activity = Base("message", NextId(), from, new JsonObject
        {
            ["id"] = conversationId ?? "a:1personal-" + from.AadObjectId,
            ["conversationType"] = "personal",
            ["tenantId"] = tenantId,
        });
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        return activity;
    }

    /// <summary>A click on an <c>Action.Execute</c> of the card <paramref name="cardActivityId"/> in <paramref name="channelId"/>.</summary>
    public JsonObject CardAction(FakeTeamsMember from, string channelId, string cardActivityId, string verb, string? requestId, string trigger = "manual")
    {
        var activity = Base("invoke", "f:" + Guid.NewGuid(), from, new JsonObject
        {
            ["id"] = $"{channelId};messageid={cardActivityId}",
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = tenantId,
        });
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardActivityId;
        var data = new JsonObject();
        if (requestId is not null)
        {
            data["requestId"] = requestId;
        }

        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = trigger,
        };
        activity["channelData"] = ChannelData(channelId);
        return activity;
    }

    /// <summary>The bot installed into a team, with <paramref name="channelId"/> chosen as its channel.</summary>
    public JsonObject BotAddedToTeam(FakeTeamsMember by, string channelId)
    {
        var activity = Base("conversationUpdate", "f:" + Guid.NewGuid(), by, new JsonObject
        {
            ["id"] = channelId,
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = tenantId,
        });
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        var channelData = ChannelData(channelId);
        channelData["eventType"] = "teamMemberAdded";
        channelData["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = channelId } };
        activity["channelData"] = channelData;
        return activity;
    }

    private JsonObject Base(string type, string id, FakeTeamsMember from, JsonObject conversation) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = botName },
        ["conversation"] = conversation,
        ["locale"] = "en-US",
    };

    private JsonObject ChannelData(string channelId) => new()
    {
        ["teamsChannelId"] = channelId,
        ["teamsTeamId"] = teamId,
        ["channel"] = new JsonObject { ["id"] = channelId },
        ["team"] = new JsonObject { ["id"] = teamId },
        ["tenant"] = new JsonObject { ["id"] = tenantId },
    };

    private static string NextId() =>
        (1_759_944_781_000 + Interlocked.Increment(ref _sequence)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
