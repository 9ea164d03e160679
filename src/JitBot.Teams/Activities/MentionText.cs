namespace JitBot.Teams.Activities;

/// <summary>
/// The command words of a message: the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> mention removed (found through the
/// <c>mention</c> entity whose id is the recipient's, as Bot Framework's <c>RemoveMentionText</c> does), the
/// whitespace Teams adds around it trimmed. A 1:1 message without a mention comes back as it was typed.
/// </summary>
internal static class MentionText
{
    public static string CommandOf(TeamsActivity activity) => Strip(activity.Text, activity.Recipient, activity.Mentions);

    public static string Strip(string? text, ChannelAccount? bot, IReadOnlyList<Mention> mentions)
    {
        var result = text ?? "";
        if (bot is not null)
        {
            foreach (var mention in mentions.Where(m => string.Equals(m.MentionedId, bot.Id, StringComparison.OrdinalIgnoreCase)))
            {
                if (mention.Text.Length > 0 && result.Contains(mention.Text, StringComparison.OrdinalIgnoreCase))
                {
                    result = Remove(result, mention.Text);
                }
                else if ((mention.MentionedName ?? bot.Name) is { Length: > 0 } name)
                {
                    result = Remove(result, $"<at>{name}</at>");
                }
            }
        }

        return Normalise(result);
    }

    private static string Remove(string text, string markup) => text.Replace(markup, " ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Non-breaking spaces and line breaks become spaces; runs of spaces stay (a reason may hold them) but the ends are trimmed.</summary>
    private static string Normalise(string text) =>
        text.Replace('\u00a0', ' ').Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();
}
