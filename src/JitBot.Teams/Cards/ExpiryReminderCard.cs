using System.Text.Json.Nodes;
using JitBot.Core.Requests;

namespace JitBot.Teams.Cards;

/// <summary>
/// The 1:1 message that a grant ends soon, with an Extend button (<c>Action.Execute</c>, verb <see cref="ExtendVerb"/>,
/// <c>data.requestId</c> = the grant). Once an extension is filed the button gives way to a line naming it. Pure.
/// </summary>
internal static class ExpiryReminderCard
{
    public const string ExtendVerb = "jit.extend";

    /// <param name="text">The core's plain text (shown literally).</param>
    public static JsonObject Render(AccessRequest grant, string text)
    {
        var card = AdaptiveCards.Card(text, new JsonArray(AdaptiveCards.Paragraph(AdaptiveCards.Run(text))));
        card["actions"] = new JsonArray(AdaptiveCards.Execute("Extend", ExtendVerb, grant.Id, "positive"));
        return card;
    }

    public static JsonObject Extended(string grantId, string extensionId) =>
        AdaptiveCards.Card($"{grantId} ends soon; extension {extensionId} asked for.", new JsonArray(
            AdaptiveCards.Paragraph(AdaptiveCards.Run($"⏳ {grantId} ends soon.")),
            AdaptiveCards.Paragraph(AdaptiveCards.Run($"You asked for an extension: {extensionId}.", italic: true))));
}
