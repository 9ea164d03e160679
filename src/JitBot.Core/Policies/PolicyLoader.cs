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
            var reader = new PolicyFileReader(new PolicyYaml(file, problems), maxDuration, connectors);
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
}
