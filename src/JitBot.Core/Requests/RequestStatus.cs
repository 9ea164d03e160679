namespace JitBot.Core.Requests;

/// <summary>Where a request is in its life (contract section 7).</summary>
public enum RequestStatus
{
    Pending,
    Approved,
    Active,
    Revoked,
    Denied,
    Cancelled,
    TimedOut,
    Failed,
}
