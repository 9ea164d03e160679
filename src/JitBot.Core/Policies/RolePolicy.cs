namespace JitBot.Core.Policies;

/// <summary>
/// One role of a resource: how long it may be held, how many approvals it needs (or its ordered stages),
/// when an undecided request escalates, and the rules that approve it without a person.
/// </summary>
public sealed record RolePolicy(string Name, TimeSpan MaxDuration, int Approvals)
{
    /// <summary>Needs at least <c>Jit:SensitiveMinApprovals</c> approvals whatever the policy says; never auto-approved.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Approval stages decided in order; empty means one stage with the resource's approvers.</summary>
    public IReadOnlyList<ApprovalStage> Stages { get; init; } = [];

    public TimeSpan? EscalateAfter { get; init; }

    public ChannelTargets? EscalationChannel { get; init; }

    public IReadOnlyList<AutoApproveRule> AutoApprove { get; init; } = [];
}
