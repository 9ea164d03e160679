using System.Text.RegularExpressions;

namespace JitBot.Slack.Endpoints;

/// <summary>Reading the core's plain-text answers: whether one names a request it just filed.</summary>
internal static partial class CoreAnswers
{
    /// <summary>
    /// True when <paramref name="answer"/> names a request id other than <paramref name="except"/>: a request was filed
    /// (or auto-approved). Refusals name no id, or only the one they are about.
    /// </summary>
    public static bool NamesNewRequest(string answer, string? except = null) =>
        RequestId().Matches(answer).Any(m => !string.Equals(m.Value, except, StringComparison.Ordinal));

    /// <summary>The first new request id the answer names, if any.</summary>
    public static string? NewRequestId(string answer, string? except = null) =>
        RequestId().Matches(answer).FirstOrDefault(m => !string.Equals(m.Value, except, StringComparison.Ordinal))?.Value;

    [GeneratedRegex(@"\bJIT-\d+\b")]
    private static partial Regex RequestId();
}
