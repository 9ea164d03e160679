using YamlDotNet.RepresentationModel;

namespace JitBot.Core.Policies;

/// <summary>Reads a list of selectors and names each one that cannot be resolved.</summary>
internal sealed class SelectorChecker(PolicyYaml yaml, Dictionary<string, IReadOnlyList<string>> groups, List<string> owners)
{
    public List<string> Read(YamlMappingNode node, string key, SelectorUse use)
    {
        if (PolicyYaml.Child(node, key) is not { } child)
        {
            yaml.Problem(node, $"'{key}' is missing");
            return [];
        }

        var selectors = yaml.StringList(child, key);
        foreach (var selector in selectors)
        {
            Check(child, key, selector, use);
        }

        return selectors;
    }

    private void Check(YamlNode node, string key, string selector, SelectorUse use)
    {
        var (kind, value) = Principals.Split(selector);
        switch (kind)
        {
            case Principals.Anyone when use == SelectorUse.Requesters:
                return;
            case "user" when value.Contains('@', StringComparison.Ordinal):
                return;
            case "group" when groups.ContainsKey(value):
                return;
            case "group":
                yaml.Problem(node, $"{key} names unknown group '{value}'");
                return;
            case Principals.Owner when owners.Count > 0:
                return;
            case Principals.Owner:
                yaml.Problem(node, $"{key} names 'owner' but the file has no owners: list");
                return;
            case "slack-usergroup" or "oncall" when use != SelectorUse.Requesters && value.Length > 0:
                return;
        }

        var allowed = use switch
        {
            SelectorUse.Requesters => "user:<email>, group:<name>, owner or \"*\"",
            _ => "user:<email>, group:<name>, owner, slack-usergroup:<id> or oncall:<name>",
        };
        yaml.Problem(node, $"{key} entry '{selector}' is not {allowed}");
    }
}
