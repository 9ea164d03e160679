using JitBot.Core.Common;
using JitBot.Core.Requests;

namespace JitBot.Core.Policies;

/// <summary>Finds the first auto-approval rule of a role that a request meets. Pure: groups come resolved.</summary>
public static class AutoApproval
{
    /// <param name="requesterIn">For each rule, whether the requester is in one of its <c>requesterIn</c> selectors.</param>
    public static AutoApproveRule? FirstMatch(RolePolicy role, AccessRequest request, DateTimeOffset now, JitOptions options, Func<AutoApproveRule, bool> requesterIn)
    {
        if (role.Sensitive || options.AutoApproveHours is { } allowed && !allowed.Contains(now))
        {
            return null;
        }

        return role.AutoApprove.FirstOrDefault(rule =>
            (rule.RequesterIn.Count == 0 || requesterIn(rule))
            && (rule.MaxDuration is not { } max || request.Duration <= max)
            && (rule.Hours is not { } hours || hours.Contains(now))
            && (rule.ReasonMatches is not { } pattern || Matches(pattern, request.Reason)));
    }

    private static bool Matches(System.Text.RegularExpressions.Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
