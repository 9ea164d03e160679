namespace JitBot.Core.Requests;

/// <summary>One approval stage as a request carries it: its name and how many approvals it needs.</summary>
public sealed record StagePlan(string Name, int Approvals);
