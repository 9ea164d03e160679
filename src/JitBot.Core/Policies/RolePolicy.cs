namespace JitBot.Core.Policies;

/// <summary>One role of a resource: how long it may be held and how many approvals it needs.</summary>
public sealed record RolePolicy(string Name, TimeSpan MaxDuration, int Approvals);
