using JitBot.Core.Common;
using YamlDotNet.RepresentationModel;

namespace JitBot.Core.Policies;

/// <summary>Reads a resource's roles: limits, stages, escalation and auto-approval rules.</summary>
internal sealed class RoleReader(PolicyYaml yaml, TimeSpan maxDuration, SelectorChecker selectors)
{
    public Dictionary<string, RolePolicy> Read(ResourcePolicy resource, YamlMappingNode resourceNode)
    {
        var roles = new Dictionary<string, RolePolicy>(StringComparer.Ordinal);
        if (PolicyYaml.Child(resourceNode, "roles") is not YamlMappingNode rolesNode || rolesNode.Children.Count == 0)
        {
            yaml.Problem(PolicyYaml.Child(resourceNode, "roles") ?? resourceNode, $"resource '{resource.Id}' has no roles");
            return roles;
        }

        foreach (var (key, value) in rolesNode.Children)
        {
            var name = PolicyYaml.KeyOf(key);
            if (!RoleNames.IsValid(name))
            {
                yaml.Problem(key, $"role name '{name}' must be letters, digits, '-' or '_', start with a letter, and not look like a duration");
                continue;
            }

            if (value is not YamlMappingNode roleNode)
            {
                yaml.Problem(key, $"role '{name}' must be a mapping with maxDuration and approvals");
                continue;
            }

            roles[name] = ReadRole(resource, resourceNode, name, roleNode);
        }

        return roles;
    }

    private RolePolicy ReadRole(ResourcePolicy resource, YamlMappingNode resourceNode, string name, YamlMappingNode node)
    {
        var duration = TimeSpan.Zero;
        if (yaml.Scalar(node, "maxDuration", required: true) is not null)
        {
            duration = yaml.DurationOf(node, "maxDuration") ?? TimeSpan.Zero;
            if (duration > maxDuration)
            {
                yaml.Problem(PolicyYaml.Child(node, "maxDuration"), $"maxDuration {Duration.Format(duration)} of role '{name}' is over the global cap Jit:MaxDuration ({Duration.Format(maxDuration)})");
            }
        }

        var role = new RolePolicy(name, duration, Approvals(node))
        {
            Sensitive = Flag(node, "sensitive"),
            Stages = ReadStages(resource, node),
            EscalateAfter = yaml.DurationOf(node, "escalateAfter"),
            EscalationChannel = yaml.Channels(node, "escalationChannel"),
        };
        if (role.EscalateAfter is not null && role.EscalationChannel is null)
        {
            yaml.Problem(PolicyYaml.Child(node, "escalateAfter"), $"role '{name}' has escalateAfter but no escalationChannel");
        }

        role = role with { AutoApprove = new AutoApproveReader(yaml, selectors).Read(name, node, role.Sensitive) };
        var stageNodes = PolicyYaml.Child(node, "stages") as YamlSequenceNode;
        var stages = resource.StagesFor(role);
        for (var i = 0; i < stages.Count; i++)
        {
            var at = stageNodes is null ? PolicyYaml.Child(resourceNode, "approvers") ?? resourceNode : stageNodes.Children[i];
            CheckApprovers(resource, role, stages[i], at);
        }

        return role;
    }

    private List<ApprovalStage> ReadStages(ResourcePolicy resource, YamlMappingNode node)
    {
        if (PolicyYaml.Child(node, "stages") is not { } child)
        {
            return [];
        }

        if (child is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            yaml.Problem(child, "'stages' must be a list of { name, approvers, approvals, channels }");
            return [];
        }

        var stages = new List<ApprovalStage>();
        foreach (var stageNode in sequence.Children)
        {
            if (stageNode is not YamlMappingNode stage)
            {
                yaml.Problem(stageNode, "a stage must be a mapping with approvers");
                continue;
            }

            var name = yaml.Scalar(stage, "name", required: false) ?? $"stage {stages.Count + 1}";
            stages.Add(new ApprovalStage(name, selectors.Read(stage, "approvers", SelectorUse.Approvers), Approvals(stage), yaml.Channels(stage, "channels") ?? resource.Channels));
        }

        return stages;
    }

    /// <summary>Names a stage nobody can complete: no approvers, or more approvals than approvers other than the requester.</summary>
    private void CheckApprovers(ResourcePolicy resource, RolePolicy role, ApprovalStage stage, YamlNode at)
    {
        if (stage.Approvers.Any(Principals.IsDynamic))
        {
            return;
        }

        var eligible = Principals.Resolve(resource, stage.Approvers);
        if (eligible.Count == 0)
        {
            yaml.Problem(at, $"resource '{resource.Id}' role '{role.Name}' {(role.Stages.Count > 0 ? $"stage '{stage.Name}' " : "")}has no approvers");
            return;
        }

        var requesterMayApprove = resource.Requesters.Contains(Principals.Anyone) || Principals.Resolve(resource, resource.Requesters).Overlaps(eligible);
        var others = eligible.Count - (requesterMayApprove ? 1 : 0);
        if (stage.Approvals > others)
        {
            yaml.Problem(at, $"role '{role.Name}' needs {stage.Approvals} approval{(stage.Approvals == 1 ? "" : "s")} but only {others} eligible approver{(others == 1 ? "" : "s")} other than the requester");
        }
    }

    private int Approvals(YamlMappingNode node)
    {
        var text = yaml.Scalar(node, "approvals", required: false);
        if (text is null)
        {
            return 1;
        }

        if (int.TryParse(text, out var approvals) && approvals is >= 1 and <= 10)
        {
            return approvals;
        }

        yaml.Problem(PolicyYaml.Child(node, "approvals"), $"approvals '{text}' must be a whole number from 1 to 10");
        return 1;
    }

    private bool Flag(YamlMappingNode node, string key)
    {
        var text = yaml.Scalar(node, key, required: false);
        if (text is null or "false")
        {
            return false;
        }

        if (text == "true")
        {
            return true;
        }

        yaml.Problem(PolicyYaml.Child(node, key), $"{key} must be true or false");
        return false;
    }
}
