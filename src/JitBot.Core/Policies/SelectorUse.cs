namespace JitBot.Core.Policies;

/// <summary>What a selector list is for: requesters may not be dynamic; approvers may.</summary>
internal enum SelectorUse
{
    Requesters,
    Approvers,
    AutoApproveRequesters,
}
