using JitBot.Core.Common;
using JitBot.Core.Requests;

namespace JitBot.Core.Policies;

/// <summary>The stages a request goes through, with the global guardrails applied. Pure.</summary>
public static class ApprovalPlan
{
    public static IReadOnlyList<StagePlan> For(ResourcePolicy resource, RolePolicy role, JitOptions options)
    {
        var stages = resource.StagesFor(role).Select(s => new StagePlan(s.Name, s.Approvals)).ToList();
        var total = stages.Sum(s => s.Approvals);
        if (role.Sensitive && total < options.SensitiveMinApprovals)
        {
            // The guardrail wins: the last stage needs the difference.
            var last = stages[^1];
            stages[^1] = last with { Approvals = last.Approvals + options.SensitiveMinApprovals - total };
        }

        return stages;
    }
}
