using JitBot.Core.Policies;
using Microsoft.Extensions.Configuration;

namespace JitBot.Connectors;

/// <summary>
/// What a connector's configuration says about the policies that use it: a <c>redis-acl</c> connector needs the ACL
/// rules of every policy role of its resources. The host runs this wherever it loads policies (start-up, reload,
/// <c>policies validate</c>), because connectors are configured before policies are read.
/// </summary>
public static class ConnectorPolicyCheck
{
    /// <summary>The names configured under <c>Connectors:</c>, what a policy's <c>connector:</c> may name.</summary>
    public static IReadOnlySet<string> Names(IConfiguration configuration) =>
        configuration.GetSection(ConnectorsConfiguration.SectionName).GetChildren().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="result"/> with a problem added (file and line of the role) for each role a connector cannot grant.
    /// A connector whose own keys are wrong is skipped here: start-up reports it, naming the key.
    /// </summary>
    public static PolicyLoadResult Apply(PolicyLoadResult result, IConfiguration configuration)
    {
        var definitions = new Dictionary<string, ConnectorDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in configuration.GetSection(ConnectorsConfiguration.SectionName).GetChildren())
        {
            try
            {
                definitions[section.Key] = ConnectorsConfiguration.ReadOne(section);
            }
            catch (ConnectorConfigurationException)
            {
                // Not this check's to report: AddConnectors stops start-up with it.
            }
        }

        var problems = new List<PolicyProblem>();
        foreach (var resource in result.Policies.Resources.Values.OrderBy(r => r.SourceFile, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (!definitions.TryGetValue(resource.Connector, out var definition))
            {
                continue;
            }

            foreach (var role in resource.Roles.Keys)
            {
                if (definition.RoleProblem(role) is { } problem)
                {
                    problems.Add(new PolicyProblem(resource.SourceFile, LineOf(resource.SourceFile, resource.Id, role),
                        $"resource '{resource.Id}' role '{role}' cannot be granted by connector '{resource.Connector}': {problem}"));
                }
            }
        }

        return problems.Count == 0 ? result : result with { Problems = [.. result.Problems, .. problems] };
    }

    /// <summary>The line of <c>role:</c> under <c>resource:</c> in the file, or of the resource, or 1.</summary>
    private static int LineOf(string file, string resource, string role)
    {
        if (!File.Exists(file))
        {
            return 1;
        }

        var lines = File.ReadAllLines(file);
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith(resource + ":", StringComparison.Ordinal));
        if (start < 0)
        {
            return 1;
        }

        var at = Array.FindIndex(lines, start + 1, l => l.TrimStart().StartsWith(role + ":", StringComparison.Ordinal));
        return (at < 0 ? start : at) + 1;
    }
}
