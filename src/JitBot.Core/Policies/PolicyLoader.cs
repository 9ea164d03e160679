using JitBot.Core.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JitBot.Core.Policies;

/// <summary>
/// Reads a folder of team policy files (<c>*.yaml</c>, <c>*.yml</c>) and checks them against the global
/// guardrails, naming file and line for each problem.
/// </summary>
public static class PolicyLoader
{
    public static PolicyLoadResult LoadFolder(string folder, TimeSpan maxDuration, IReadOnlySet<string>? connectors)
    {
        if (!Directory.Exists(folder))
        {
            return new PolicyLoadResult(PolicySet.Empty, []);
        }

        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Load(files.Select(f => (f, File.ReadAllText(f))), maxDuration, connectors);
    }

    public static PolicyLoadResult Load(IEnumerable<(string File, string Yaml)> documents, TimeSpan maxDuration, IReadOnlySet<string>? connectors)
    {
        var problems = new List<PolicyProblem>();
        var resources = new Dictionary<string, ResourcePolicy>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var (file, yaml) in documents)
        {
            files.Add(file);
            var reader = new PolicyFileReader(file, maxDuration, connectors, problems);
            foreach (var (resource, line) in reader.Read(yaml))
            {
                if (resources.TryGetValue(resource.Id, out var existing))
                {
                    problems.Add(new PolicyProblem(file, line, $"resource '{resource.Id}' is already defined in {existing.SourceFile}"));
                    continue;
                }

                resources[resource.Id] = resource;
            }
        }

        return new PolicyLoadResult(new PolicySet(resources, files), problems);
    }

    private sealed class PolicyFileReader(string file, TimeSpan maxDuration, IReadOnlySet<string>? connectors, List<PolicyProblem> problems)
    {
        public List<(ResourcePolicy Resource, int Line)> Read(string yaml)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException e)
            {
                Problem(LineOf(e.Start), $"not valid YAML: {e.Message}");
                return [];
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Problem(1, "expected a mapping with 'team' and 'resources'");
                return [];
            }

            var team = Scalar(root, "team", required: true) ?? "";
            var groups = ReadGroups(root);
            if (Child(root, "resources") is not YamlMappingNode resourcesNode)
            {
                Problem(LineOf(root.Start), "'resources' is missing or not a mapping");
                return [];
            }

            var result = new List<(ResourcePolicy Resource, int Line)>();
            foreach (var (keyNode, valueNode) in resourcesNode.Children)
            {
                var id = ((YamlScalarNode)keyNode).Value ?? "";
                if (valueNode is not YamlMappingNode resourceNode)
                {
                    Problem(LineOf(keyNode.Start), $"resource '{id}' must be a mapping");
                    continue;
                }

                var resource = ReadResource(id, team, groups, resourceNode);
                if (resource is not null)
                {
                    result.Add((resource, LineOf(keyNode.Start)));
                }
            }

            return result;
        }

        private Dictionary<string, IReadOnlyList<string>> ReadGroups(YamlMappingNode root)
        {
            var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (Child(root, "groups") is not { } node)
            {
                return groups;
            }

            if (node is not YamlMappingNode mapping)
            {
                Problem(LineOf(node.Start), "'groups' must be a mapping of names to lists of emails");
                return groups;
            }

            foreach (var (key, value) in mapping.Children)
            {
                groups[((YamlScalarNode)key).Value ?? ""] = StringList(value, "group members");
            }

            return groups;
        }

        private ResourcePolicy? ReadResource(string id, string team, Dictionary<string, IReadOnlyList<string>> groups, YamlMappingNode node)
        {
            var before = problems.Count;
            var connector = Scalar(node, "connector", required: true) ?? "";
            if (connector.Length > 0 && connectors is not null && !connectors.Contains(connector))
            {
                Problem(LineOf(Child(node, "connector")!.Start), $"resource '{id}' names unknown connector '{connector}' (not under Connectors in appsettings)");
            }

            var requesters = Selectors(node, "requesters", groups);
            var approvers = Selectors(node, "approvers", groups);
            if (approvers.Count == 0)
            {
                Problem(LineOf((Child(node, "approvers") ?? node).Start), $"resource '{id}' has no approvers");
            }

            var channels = ReadChannels(node);
            var roles = ReadRoles(id, node);
            if (problems.Count > before)
            {
                return null;
            }

            return new ResourcePolicy(id, team, Scalar(node, "description", required: false), connector, requesters, approvers, channels, roles, groups, file);
        }

        private ChannelTargets ReadChannels(YamlMappingNode node)
        {
            if (Child(node, "channels") is not YamlMappingNode channels)
            {
                return new ChannelTargets(null, null);
            }

            return new ChannelTargets(Scalar(channels, "slack", required: false), Scalar(channels, "teams", required: false));
        }

        private Dictionary<string, RolePolicy> ReadRoles(string id, YamlMappingNode node)
        {
            var roles = new Dictionary<string, RolePolicy>(StringComparer.Ordinal);
            if (Child(node, "roles") is not YamlMappingNode rolesNode || rolesNode.Children.Count == 0)
            {
                Problem(LineOf(node.Start), $"resource '{id}' has no roles");
                return roles;
            }

            foreach (var (key, value) in rolesNode.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                var line = LineOf(key.Start);
                if (!RoleNames.IsValid(name))
                {
                    Problem(line, $"role name '{name}' must be letters, digits, '-' or '_', start with a letter, and not look like a duration");
                    continue;
                }

                if (value is not YamlMappingNode roleNode)
                {
                    Problem(line, $"role '{name}' must be a mapping with maxDuration and approvals");
                    continue;
                }

                var durationText = Scalar(roleNode, "maxDuration", required: true);
                var duration = TimeSpan.Zero;
                if (durationText is not null && !Duration.TryParse(durationText, out duration))
                {
                    Problem(LineOf(Child(roleNode, "maxDuration")!.Start), $"maxDuration '{durationText}' is not a duration (90s, 15m, 2h, 1d)");
                }
                else if (duration > maxDuration)
                {
                    Problem(LineOf(Child(roleNode, "maxDuration")!.Start), $"maxDuration {durationText} of role '{name}' is over the global cap Jit:MaxDuration ({Duration.Format(maxDuration)})");
                }

                var approvals = 1;
                var approvalsText = Scalar(roleNode, "approvals", required: false);
                if (approvalsText is not null && (!int.TryParse(approvalsText, out approvals) || approvals < 1 || approvals > 10))
                {
                    Problem(LineOf(Child(roleNode, "approvals")!.Start), $"approvals '{approvalsText}' must be a whole number from 1 to 10");
                }

                roles[name] = new RolePolicy(name, duration, approvals);
            }

            return roles;
        }

        private List<string> Selectors(YamlMappingNode node, string key, Dictionary<string, IReadOnlyList<string>> groups)
        {
            if (Child(node, key) is not { } child)
            {
                Problem(LineOf(node.Start), $"'{key}' is missing");
                return [];
            }

            var selectors = StringList(child, key);
            foreach (var selector in selectors)
            {
                if (selector == Principals.Anyone && key == "requesters")
                {
                    continue;
                }

                if (selector.StartsWith("user:", StringComparison.Ordinal) && selector.Contains('@', StringComparison.Ordinal))
                {
                    continue;
                }

                if (selector.StartsWith("group:", StringComparison.Ordinal))
                {
                    if (!groups.ContainsKey(selector["group:".Length..]))
                    {
                        Problem(LineOf(child.Start), $"{key} names unknown group '{selector["group:".Length..]}'");
                    }

                    continue;
                }

                Problem(LineOf(child.Start), $"{key} entry '{selector}' is not user:<email>, group:<name>{(key == "requesters" ? " or \"*\"" : "")}");
            }

            return selectors;
        }

        private List<string> StringList(YamlNode node, string what)
        {
            if (node is YamlSequenceNode sequence)
            {
                return sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
            }

            Problem(LineOf(node.Start), $"{what} must be a list");
            return [];
        }

        private string? Scalar(YamlMappingNode node, string key, bool required)
        {
            var child = Child(node, key);
            if (child is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                return scalar.Value;
            }

            if (required || child is not null and not YamlScalarNode)
            {
                Problem(LineOf((child ?? node).Start), $"'{key}' is {(child is null ? "missing" : "not a single value")}");
            }

            return null;
        }

        private static YamlNode? Child(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);

        private void Problem(int line, string message) => problems.Add(new PolicyProblem(file, line, message));
    }
}
