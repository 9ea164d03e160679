using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JitBot.Core.Policies;

/// <summary>Reads one team's policy file: team, owners, groups, resources.</summary>
internal sealed class PolicyFileReader(PolicyYaml yaml, TimeSpan maxDuration, IReadOnlySet<string>? connectors)
{
    public List<(ResourcePolicy Resource, int Line)> Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            yaml.Problem(e.Start, $"not valid YAML: {e.Message}");
            return [];
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            yaml.Problem(null, "expected a mapping with 'team' and 'resources'");
            return [];
        }

        var team = yaml.Scalar(root, "team", required: true) ?? "";
        var owners = PolicyYaml.Child(root, "owners") is { } ownersNode ? yaml.StringList(ownersNode, "owners") : [];
        var groups = ReadGroups(root);
        if (PolicyYaml.Child(root, "resources") is not YamlMappingNode resourcesNode)
        {
            yaml.Problem(PolicyYaml.Child(root, "resources") ?? root, "'resources' is missing or not a mapping");
            return [];
        }

        var context = new SelectorChecker(yaml, groups, owners);
        var result = new List<(ResourcePolicy Resource, int Line)>();
        foreach (var (keyNode, valueNode) in resourcesNode.Children)
        {
            var id = PolicyYaml.KeyOf(keyNode);
            if (valueNode is not YamlMappingNode resourceNode)
            {
                yaml.Problem(keyNode, $"resource '{id}' must be a mapping");
                continue;
            }

            var resource = ReadResource(id, team, groups, owners, resourceNode, context);
            if (resource is not null)
            {
                result.Add((resource, PolicyYaml.LineOf(keyNode)));
            }
        }

        return result;
    }

    private Dictionary<string, IReadOnlyList<string>> ReadGroups(YamlMappingNode root)
    {
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (PolicyYaml.Child(root, "groups") is not { } node)
        {
            return groups;
        }

        if (node is not YamlMappingNode mapping)
        {
            yaml.Problem(node, "'groups' must be a mapping of names to lists of emails");
            return groups;
        }

        foreach (var (key, value) in mapping.Children)
        {
            groups[PolicyYaml.KeyOf(key)] = yaml.StringList(value, "group members");
        }

        return groups;
    }

    private ResourcePolicy? ReadResource(
        string id, string team, Dictionary<string, IReadOnlyList<string>> groups, List<string> owners, YamlMappingNode node, SelectorChecker selectors)
    {
        var before = yaml.ProblemCount;
        var connector = yaml.Scalar(node, "connector", required: true) ?? "";
        if (connector.Length > 0 && connectors is not null && !connectors.Contains(connector))
        {
            yaml.Problem(PolicyYaml.Child(node, "connector"), $"resource '{id}' names unknown connector '{connector}' (not under Connectors in appsettings)");
        }

        var requesters = selectors.Read(node, "requesters", SelectorUse.Requesters);
        var approvers = selectors.Read(node, "approvers", SelectorUse.Approvers);
        var channels = yaml.Channels(node, "channels") ?? new ChannelTargets(null, null);
        var draft = new ResourcePolicy(id, team, yaml.Scalar(node, "description", required: false), connector, requesters, approvers,
            channels, new Dictionary<string, RolePolicy>(), groups, yaml.File) { Owners = owners };
        var roles = new RoleReader(yaml, maxDuration, selectors).Read(draft, node);
        return yaml.ProblemCount > before ? null : draft with { Roles = roles };
    }
}
