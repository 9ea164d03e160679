using JitBot.Core.Requests;

namespace JitBot.Teams.Cards;

/// <summary>The line a decided card shows in place of its buttons: the outcome and who decided (plain text, for a TextRun).</summary>
internal static class TeamsCardOutcome
{
    public static string Describe(AccessRequest request) => request.Status switch
    {
        RequestStatus.Approved => $"✅ Approved by {Approvers(request)}{Until(request)}. Granting access…",
        RequestStatus.Active => $"✅ Approved by {Approvers(request)}; access is active{Until(request)}.",
        RequestStatus.Revoked => $"🔒 Revoked {Revocation(request)} (approved by {Approvers(request)}). {Removal(request)}",
        RequestStatus.Denied => $"❌ Denied by {Denier(request)}{DenyReason(request)}.",
        RequestStatus.Cancelled => "➖ Cancelled by the requester.",
        RequestStatus.TimedOut => "⌛ Timed out: no decision in time.",
        RequestStatus.Failed => $"⚠️ Approved by {Approvers(request)}, but the grant failed: {request.FailureReason ?? "unknown error"}.",
        _ => AccessRequest.Describe(request.Status),
    };

    /// <summary>Everyone who approved, in every stage: the same people as the webhook's <c>approvers</c> and the requester's DM.</summary>
    private static string Approvers(AccessRequest request)
    {
        var approvers = request.Votes.Where(v => v.Approve).Select(v => ApprovalCard.Person(v.DisplayName, v.Email)).ToList();
        return approvers.Count > 0 ? string.Join(", ", approvers) : request.DecidedBy ?? "nobody";
    }

    private static string Denier(AccessRequest request) =>
        request.Votes.LastOrDefault(v => !v.Approve) is { } vote ? ApprovalCard.Person(vote.DisplayName, vote.Email) : request.DecidedBy ?? "an approver";

    private static string DenyReason(AccessRequest request) =>
        string.IsNullOrWhiteSpace(request.DenyReason) ? "" : $": {request.DenyReason}";

    private static string Until(AccessRequest request) =>
        request.ExpiresAt is { } expires ? $" until {ApprovalCard.When(expires)}" : "";

    private static string Removal(AccessRequest request) =>
        request.RevokeConfirmedAt is null ? "Removing access…" : "Access removed.";

    private static string Revocation(AccessRequest request)
    {
        var when = request.RevokedAt is { } at ? $" at {ApprovalCard.When(at)}" : "";
        return request.RevocationKind == RevocationKind.AtExpiry ? $"at expiry{when}" : $"early by {request.RevokedBy ?? "someone"}{when}";
    }
}
