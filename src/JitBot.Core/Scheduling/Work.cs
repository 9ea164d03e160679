using JitBot.Core.Chat;

namespace JitBot.Core.Scheduling;

/// <summary>
/// Work done after the HTTP answer, durably and with retries. Each item carries ids (and, for a private
/// reply, its short text), never secrets.
/// </summary>
public abstract record Work
{
    private protected Work()
    {
    }

    /// <summary>Asks the connector to grant an approved request (scheduling its revocation first).</summary>
    public sealed record Grant(string RequestId) : Work;

    /// <summary>Ends a grant: at expiry when scheduled, or at once after an early revoke.</summary>
    public sealed record Revoke(string RequestId) : Work;

    /// <summary>Tells the requester, five minutes before expiry, that the grant is ending and how to extend it.</summary>
    public sealed record RemindExpiry(string RequestId) : Work;

    /// <summary>Ends a request still pending after <c>Jit:PendingTimeout</c>.</summary>
    public sealed record ExpirePending(string RequestId) : Work;

    /// <summary>Escalates a request still undecided after its role's <c>escalateAfter</c>.</summary>
    public sealed record Escalate(string RequestId) : Work;

    /// <summary>Posts the approval card to each of the resource's channels.</summary>
    public sealed record PostCards(string RequestId) : Work;

    /// <summary>
    /// Shows a change in one job: rewrites every posted card to show the request as it is now (unless
    /// <paramref name="Cards"/> is false), then tells the requester of <paramref name="Notice"/>, if any, in a DM.
    /// </summary>
    public sealed record Announce(string RequestId, Notice? Notice, bool Cards = true) : Work;

    /// <summary>Tells the people who approved the request (e.g. that its revocation failed).</summary>
    public sealed record NotifyApprovers(string RequestId, Notice Notice) : Work;

    /// <summary>Compares what every connector holds with the active grants and removes the rest.</summary>
    public sealed record Reconcile : Work;

    /// <summary>A grant or revocation job failed after all its retries: report it.</summary>
    public sealed record ReportStuckJob(string RequestId, bool WasRevocation) : Work;

    /// <summary>Posts an operator notice (not a request's event) to the audit channel(s): e.g. a rejected policy edit.</summary>
    public sealed record PostAuditNotice(string Text) : Work;

    /// <summary>Shows one person a short message where they acted.</summary>
    public sealed record Reply(PrivateReply Message) : Work;
}
