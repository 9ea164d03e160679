namespace JitBot.Core.Policies;

/// <summary>One thing wrong in a policy file, where it is.</summary>
public sealed record PolicyProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
