namespace JitBot.Core.Policies;

/// <summary>All loaded policies: resources by id (unique across files).</summary>
public sealed class PolicySet(IReadOnlyDictionary<string, ResourcePolicy> resources, IReadOnlyList<string> files)
{
    public static PolicySet Empty { get; } = new(new Dictionary<string, ResourcePolicy>(), []);

    public IReadOnlyDictionary<string, ResourcePolicy> Resources { get; } = resources;

    public IReadOnlyList<string> Files { get; } = files;

    public ResourcePolicy? Find(string id) => Resources.TryGetValue(id, out var resource) ? resource : null;
}
