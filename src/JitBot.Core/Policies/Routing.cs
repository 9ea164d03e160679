using JitBot.Core.Requests;

namespace JitBot.Core.Policies;

/// <summary>Who decides a request and where its cards go, from the policies in force now.</summary>
public sealed class Routing(IPolicyProvider policies, ApproverResolver resolver)
{
    public (ResourcePolicy Resource, RolePolicy Role)? Find(AccessRequest request) =>
        policies.Current.Find(request.Resource) is { } resource && resource.Roles.TryGetValue(request.Role, out var role)
            ? (resource, role)
            : null;

    /// <summary>The approvers of the stage being decided now; null when the policy no longer has the resource or role.</summary>
    public async Task<IReadOnlySet<string>?> CurrentApproversAsync(AccessRequest request, CancellationToken cancellationToken) =>
        CurrentStage(request) is { } found ? await resolver.ResolveAsync(found.Resource, found.Stage.Approvers, cancellationToken) : null;

    /// <summary>The approvers of every stage (who may revoke the grant early).</summary>
    public async Task<IReadOnlySet<string>> AllApproversAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        if (Find(request) is not { } found)
        {
            return new HashSet<string>();
        }

        var selectors = found.Resource.StagesFor(found.Role).SelectMany(s => s.Approvers).Distinct().ToList();
        return await resolver.ResolveAsync(found.Resource, selectors, cancellationToken);
    }

    /// <summary>Where the current stage's card goes, plus the escalation channel once escalated.</summary>
    public IReadOnlyList<ChannelTargets> CardChannels(AccessRequest request)
    {
        if (CurrentStage(request) is not { } found)
        {
            return [];
        }

        return request.EscalatedAt is not null && found.Role.EscalationChannel is { } escalation
            ? [found.Stage.Channels, escalation]
            : [found.Stage.Channels];
    }

    public Task<IReadOnlySet<string>> ResolveAsync(ResourcePolicy resource, IReadOnlyList<string> selectors, CancellationToken cancellationToken) =>
        resolver.ResolveAsync(resource, selectors, cancellationToken);

    private (ResourcePolicy Resource, RolePolicy Role, ApprovalStage Stage)? CurrentStage(AccessRequest request)
    {
        if (Find(request) is not { } found)
        {
            return null;
        }

        var stages = found.Resource.StagesFor(found.Role);
        return request.Stage < stages.Count ? (found.Resource, found.Role, stages[request.Stage]) : null;
    }
}
