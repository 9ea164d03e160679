namespace JitBot.Core.Audit;

/// <summary>The event types of contract section 7.</summary>
public static class AuditEventTypes
{
    public const string Submitted = "request.submitted";
    public const string Vote = "request.vote";
    public const string Approved = "request.approved";
    public const string Denied = "request.denied";
    public const string Cancelled = "request.cancelled";
    public const string TimedOut = "request.timed_out";
    public const string Active = "grant.active";
    public const string Failed = "grant.failed";
    public const string Extended = "grant.extended";
    public const string Revoked = "grant.revoked";
    public const string RevokeFailed = "grant.revoke_failed";
}
