using System.Text.Json.Nodes;
using JitBot.Core.Commands;
using JitBot.Core.People;
using JitBot.Teams.Activities;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>A card action by a known person: who, on which request, and the invoke activity (where, which message).</summary>
internal sealed record CardActionContext(Person Person, TeamsActivity Activity, string RequestId)
{
    /// <summary>The action's <c>data</c>, with the card's input values merged in.</summary>
    public JsonObject? Data => ((Activity.Value as JsonObject)?["action"] as JsonObject)?["data"] as JsonObject;

    public string ConversationId => Activity.ConversationId;

    public ChatContext Chat => new(Person, ConversationId);
}
