namespace JitBot.Core.Policies;

/// <summary>A resource as one team's policy file describes it.</summary>
public sealed record ResourcePolicy(
    string Id,
    string Team,
    string? Description,
    string Connector,
    IReadOnlyList<string> Requesters,
    IReadOnlyList<string> Approvers,
    ChannelTargets Channels,
    IReadOnlyDictionary<string, RolePolicy> Roles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Groups,
    string SourceFile)
{
    /// <summary>The team's <c>owners:</c>, what the <c>owner</c> selector names.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>The stages a request for <paramref name="role"/> goes through: its own, or one with the resource's approvers.</summary>
    public IReadOnlyList<ApprovalStage> StagesFor(RolePolicy role) =>
        role.Stages.Count > 0 ? role.Stages : [new ApprovalStage("approval", Approvers, role.Approvals, Channels)];

    /// <summary>The role named, or the only role when none is named.</summary>
    public RolePolicy? FindRole(string? name) =>
        name is null
            ? Roles.Count == 1 ? Roles.Values.First() : null
            : Roles.TryGetValue(name, out var role) ? role : null;
}
