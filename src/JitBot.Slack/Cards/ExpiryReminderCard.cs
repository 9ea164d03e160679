using JitBot.Core.Requests;
using JitBot.Slack.Api;

namespace JitBot.Slack.Cards;

/// <summary>
/// The DM that a grant ends soon, with an Extend button (<c>jit.extend</c>, value = the grant's id). Once an
/// extension is filed, the button gives way to a line naming it, so a later click can't file another. Pure.
/// </summary>
internal static class ExpiryReminderCard
{
    public const string ExtendActionId = "jit.extend";

    /// <param name="text">The core's plain text; escaped here.</param>
    public static SlackMessage Render(AccessRequest grant, string text)
    {
        var escaped = Mrkdwn.Escape(text);
        var key = $"jit-{grant.Id}-reminder";
        return new SlackMessage(escaped, [
            BlockKit.Section($"{key}-text", escaped),
            BlockKit.Actions($"{key}-actions", BlockKit.Button(ExtendActionId, "Extend", grant.Id, "primary")),
        ]);
    }

    /// <param name="reminderText">The reminder's text as Slack sent it back (already mrkdwn).</param>
    /// <param name="extensionId">The extension request just filed.</param>
    public static SlackMessage Extended(string grantId, string reminderText, string extensionId)
    {
        var key = $"jit-{grantId}-reminder-extended";
        return new SlackMessage(reminderText, [
            BlockKit.Section($"{key}-text", reminderText),
            BlockKit.Context($"{key}-context", $"You asked for an extension: {Mrkdwn.Escape(extensionId)}."),
        ]);
    }
}
