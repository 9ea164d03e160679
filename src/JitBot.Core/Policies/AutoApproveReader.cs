using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace JitBot.Core.Policies;

/// <summary>Reads a role's <c>autoApprove:</c> rules.</summary>
internal sealed class AutoApproveReader(PolicyYaml yaml, SelectorChecker selectors)
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public List<AutoApproveRule> Read(string role, YamlMappingNode roleNode, bool sensitive)
    {
        if (PolicyYaml.Child(roleNode, "autoApprove") is not { } child)
        {
            return [];
        }

        if (sensitive)
        {
            yaml.Problem(child, $"role '{role}' is sensitive: it is never auto-approved");
            return [];
        }

        if (child is not YamlSequenceNode sequence)
        {
            yaml.Problem(child, "'autoApprove' must be a list of rules");
            return [];
        }

        var rules = new List<AutoApproveRule>();
        foreach (var ruleNode in sequence.Children)
        {
            if (ruleNode is not YamlMappingNode node)
            {
                yaml.Problem(ruleNode, "an autoApprove rule must be a mapping with a name and conditions");
                continue;
            }

            var rule = ReadRule(node);
            if (rule is null)
            {
                continue;
            }

            if (rules.Any(r => r.Name == rule.Name))
            {
                yaml.Problem(node, $"role '{role}' has two autoApprove rules named '{rule.Name}'");
            }

            rules.Add(rule);
        }

        return rules;
    }

    private AutoApproveRule? ReadRule(YamlMappingNode node)
    {
        var name = yaml.Scalar(node, "name", required: true);
        if (name is null)
        {
            return null;
        }

        var rule = new AutoApproveRule(name)
        {
            RequesterIn = PolicyYaml.Child(node, "requesterIn") is null ? [] : selectors.Read(node, "requesterIn", SelectorUse.AutoApproveRequesters),
            MaxDuration = yaml.DurationOf(node, "maxDuration"),
            Hours = Hours(node),
            ReasonMatches = Pattern(node),
        };
        if (rule.RequesterIn.Count == 0 && rule.MaxDuration is null && rule.Hours is null && rule.ReasonMatches is null)
        {
            yaml.Problem(node, $"autoApprove rule '{name}' has no condition (requesterIn, maxDuration, hours, reasonMatches): it would approve everything");
        }

        return rule;
    }

    private HoursWindow? Hours(YamlMappingNode node)
    {
        var text = yaml.Scalar(node, "hours", required: false);
        if (text is null)
        {
            return null;
        }

        if (HoursWindow.TryParse(text, out var window, out var problem))
        {
            return window;
        }

        yaml.Problem(PolicyYaml.Child(node, "hours"), $"hours {problem}");
        return null;
    }

    private Regex? Pattern(YamlMappingNode node)
    {
        var text = yaml.Scalar(node, "reasonMatches", required: false);
        if (text is null)
        {
            return null;
        }

        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            yaml.Problem(PolicyYaml.Child(node, "reasonMatches"), $"reasonMatches '{text}' is not a regular expression: {e.Message}");
            return null;
        }
    }
}
