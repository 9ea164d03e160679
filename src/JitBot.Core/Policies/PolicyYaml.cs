using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JitBot.Core.Policies;

/// <summary>Reading helpers over one policy file's YAML nodes that record each problem with its line.</summary>
internal sealed class PolicyYaml(string file, List<PolicyProblem> problems)
{
    public string File { get; } = file;

    public int ProblemCount => problems.Count;

    public void Problem(YamlNode? node, string message) => problems.Add(new PolicyProblem(File, LineOf(node), message));

    public void Problem(Mark mark, string message) => problems.Add(new PolicyProblem(File, (int)Math.Max(1, mark.Line), message));

    public static int LineOf(YamlNode? node) => node is null ? 1 : (int)Math.Max(1, node.Start.Line);

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string KeyOf(YamlNode key) => (key as YamlScalarNode)?.Value ?? "";

    public string? Scalar(YamlMappingNode node, string key, bool required)
    {
        var child = Child(node, key);
        if (child is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            return scalar.Value;
        }

        if (required || child is not null and not YamlScalarNode)
        {
            Problem(child ?? node, $"'{key}' is {(child is null ? "missing" : "not a single value")}");
        }

        return null;
    }

    public List<string> StringList(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
        {
            return sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
        }

        Problem(node, $"{what} must be a list of values");
        return [];
    }

    public TimeSpan? DurationOf(YamlMappingNode node, string key)
    {
        var text = Scalar(node, key, required: false);
        if (text is null)
        {
            return null;
        }

        if (Common.Duration.TryParse(text, out var duration))
        {
            return duration;
        }

        Problem(Child(node, key), $"{key} '{text}' is not a duration (90s, 15m, 2h, 1d)");
        return null;
    }

    public ChannelTargets? Channels(YamlMappingNode node, string key)
    {
        if (Child(node, key) is not { } child)
        {
            return null;
        }

        if (child is not YamlMappingNode channels)
        {
            Problem(child, $"'{key}' must be a mapping like {{ slack: C0123, teams: \"19:…\" }}");
            return null;
        }

        return new ChannelTargets(Scalar(channels, "slack", required: false), Scalar(channels, "teams", required: false));
    }
}
