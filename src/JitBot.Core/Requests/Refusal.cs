namespace JitBot.Core.Requests;

/// <summary>Why the request aggregate refused a change, in words a person can read.</summary>
public sealed record Refusal(RefusalReason Reason, string Message);

public enum RefusalReason
{
    NotEligibleApprover,
    SelfApprovalForbidden,
    AlreadyDecided,
    AlreadyVoted,
    NotRequester,
    NotAllowed,
    WrongState,
    StageMoved,
}
