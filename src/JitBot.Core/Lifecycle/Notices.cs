using System.Globalization;
using JitBot.Core.Common;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary>What the requester is told, in words. Every message names the request id.</summary>
public static class Notices
{
    public static string Text(AccessRequest r, Notice notice, JitOptions options)
    {
        var what = $"{r.Resource} {r.Role}";
        return notice switch
        {
            Notice.Approved => $"✅ {r.Id} approved by {Approvers(r)}: {what} for {Duration.Format(r.Duration)}, until {When(r.ExpiresAt)}. Granting it now.",
            Notice.Denied => $"❌ {r.Id} ({what}) was denied by {r.DecidedBy}" + (string.IsNullOrWhiteSpace(r.DenyReason) ? "." : $": {r.DenyReason}"),
            Notice.Granted => $"🔓 {r.Id}: you have {what} until {When(r.ExpiresAt)}.",
            Notice.Extended => $"⏩ {r.Id}: your {what} access now runs until {When(r.ExpiresAt)}.",
            Notice.ExpiringSoon => $"⏳ {r.Id}: your {what} access ends at {When(r.ExpiresAt)}, in about {Duration.Format(options.ExpiryReminder)}. To keep it: Extend, or `extend {r.Id} <duration>` (e.g. `extend {r.Id} 30m`).",
            Notice.GrantFailed => $"⚠️ {r.Id}: granting {what} failed ({r.FailureReason}). Nothing is granted; the audit channel has been told.",
            Notice.Revoked when r.RevokeDeferred => $"🔒 {r.Id} has ended; you keep {what} under another grant of yours that is still active.",
            Notice.Revoked => r.RevocationKind == RevocationKind.Early
                ? $"🔒 {r.Id}: your {what} access was revoked early by {r.RevokedBy}."
                : $"🔒 {r.Id}: your {what} access expired and was revoked.",
            Notice.RevokeFailed => $"⚠️ {r.Id}: revoking your {what} access failed; the security team has been alerted through the audit channel.",
            Notice.TimedOut => $"⌛ {r.Id} ({what}) timed out: nobody decided within {Duration.Format(options.PendingTimeout)}.",
            Notice.Cancelled => $"{r.Id} ({what}) is cancelled.",
            _ => $"{r.Id}: {notice}",
        };
    }

    /// <summary>What the approvers of a request are told.</summary>
    public static string ForApprovers(AccessRequest r, Notice notice) => notice switch
    {
        Notice.RevokeFailed => $"⚠️ {r.Id}: the access you approved ({r.Requester.Email}: {r.Resource} {r.Role}) could not be revoked and may still be held. Check the audit channel and revoke it by hand.",
        _ => $"{r.Id}: {notice}",
    };

    internal static string Approvers(AccessRequest r) =>
        r.DecidedBy is { } by && by.StartsWith("policy:", StringComparison.Ordinal) ? by : string.Join(", ", r.Votes.Where(v => v.Approve).Select(v => v.Email));

    internal static string When(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "?";
}
