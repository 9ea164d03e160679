using JitBot.Core.Requests;

namespace JitBot.Slack.Cards;

/// <summary>The line a decided card shows in place of its buttons: the outcome and who decided.</summary>
internal static class CardOutcome
{
    public static string Describe(AccessRequest request) => request.Status switch
    {
        RequestStatus.Approved => $":white_check_mark: *Approved* by {Approvers(request)}{Until(request)}.",
        RequestStatus.Active => $":white_check_mark: *Approved* by {Approvers(request)}; access is *active*{Until(request)}.",
        RequestStatus.Revoked => $":lock: *Revoked* {Revocation(request)} (approved by {Approvers(request)}). {Removal(request)}",
        RequestStatus.Denied => $":x: *Denied* by {Denier(request)}{DenyReason(request)}.",
        RequestStatus.Cancelled => ":heavy_minus_sign: *Cancelled* by the requester.",
        RequestStatus.TimedOut => ":hourglass: *Timed out*: no decision in time.",
        RequestStatus.Failed => $":warning: *Approved* by {Approvers(request)}, but the grant *failed*: {Mrkdwn.Escape(request.FailureReason ?? "unknown error")}.",
        _ => $"*{AccessRequest.Describe(request.Status)}*",
    };

    public static string Person(string displayName, string email) =>
        string.IsNullOrWhiteSpace(displayName) || string.Equals(displayName, email, StringComparison.OrdinalIgnoreCase)
            ? Mrkdwn.Escape(email)
            : $"{Mrkdwn.Escape(displayName)} ({Mrkdwn.Escape(email)})";

    private static string Approvers(AccessRequest request)
    {
        // Every stage's approvers, not only the last stage's.
        var approvers = request.Votes.Where(v => v.Approve).Select(v => Person(v.DisplayName, v.Email)).ToList();
        return approvers.Count > 0 ? string.Join(", ", approvers) : Mrkdwn.Escape(request.DecidedBy ?? "nobody");
    }

    private static string Denier(AccessRequest request) =>
        request.Votes.LastOrDefault(v => !v.Approve) is { } vote
            ? Person(vote.DisplayName, vote.Email)
            : Mrkdwn.Escape(request.DecidedBy ?? "an approver");

    private static string DenyReason(AccessRequest request) =>
        string.IsNullOrWhiteSpace(request.DenyReason) ? "" : $": {Mrkdwn.Escape(request.DenyReason)}";

    private static string Until(AccessRequest request) =>
        request.ExpiresAt is { } expires ? $" until {Mrkdwn.Date(expires)}" : "";

    private static string Removal(AccessRequest request) =>
        request.RevokeConfirmedAt is null ? "Removing access…" : "Access removed.";

    private static string Revocation(AccessRequest request)
    {
        var when = request.RevokedAt is { } at ? $" at {Mrkdwn.Date(at)}" : "";
        return request.RevocationKind == RevocationKind.AtExpiry
            ? $"at expiry{when}"
            : $"early by {Mrkdwn.Escape(request.RevokedBy ?? "someone")}{when}";
    }
}
