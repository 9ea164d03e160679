namespace JitBot.Core.Policies;

/// <summary>The policies in force now.</summary>
public interface IPolicyProvider
{
    PolicySet Current { get; }
}
