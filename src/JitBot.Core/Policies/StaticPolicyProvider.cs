namespace JitBot.Core.Policies;

/// <summary>A policy set that does not change while the bot runs.</summary>
public sealed class StaticPolicyProvider(PolicySet policies) : IPolicyProvider
{
    public PolicySet Current { get; } = policies;
}
