namespace JitBot.Core.Policies;

/// <summary>A resource as one team's policy file describes it.</summary>
public sealed record ResourcePolicy(
    string Id,
    string Team,
    string? Description,
    string Connector,
    IReadOnlyList<string> Requesters,
    IReadOnlyList<string> Approvers,
    ChannelTargets Channels,
    IReadOnlyDictionary<string, RolePolicy> Roles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Groups,
    string SourceFile)
{
    /// <summary>The role named, or the only role when none is named.</summary>
    public RolePolicy? FindRole(string? name) =>
        name is null
            ? Roles.Count == 1 ? Roles.Values.First() : null
            : Roles.TryGetValue(name, out var role) ? role : null;
}
