namespace JitBot.Core.Scheduling;

/// <summary>What a requester is told about.</summary>
public enum Notice
{
    Approved,
    Denied,
    Granted,
    Extended,
    ExpiringSoon,
    GrantFailed,
    Revoked,
    RevokeFailed,
    TimedOut,
    Cancelled,
}
