namespace JitBot.Slack.Cards;

/// <summary>Slack mrkdwn text helpers.</summary>
internal static class Mrkdwn
{
    /// <summary>
    /// Escapes the three characters Slack decodes (<c>&amp;</c> first, then <c>&lt;</c>, <c>&gt;</c>), so that
    /// text from people can't form mentions (<c>&lt;!here&gt;</c>) or links. Nothing else is touched.
    /// </summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text)
            ? ""
            : text.Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A user mention, <c>&lt;@U123&gt;</c>.</summary>
    public static string Mention(string slackUserId) => $"<@{slackUserId}>";

    /// <summary>Cuts text to at most <paramref name="max"/> characters, marking the cut with an ellipsis.</summary>
    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>A date Slack shows in the reader's time zone, with a UTC fallback for old clients.</summary>
    public static string Date(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC>";
}
