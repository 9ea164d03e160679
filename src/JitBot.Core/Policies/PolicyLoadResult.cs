namespace JitBot.Core.Policies;

/// <summary>What loading a folder of policies gave: the set, and every problem found.</summary>
public sealed record PolicyLoadResult(PolicySet Policies, IReadOnlyList<PolicyProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
