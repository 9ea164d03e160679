namespace JitBot.Core.Lifecycle;

/// <summary>What became of a vote: counted, or refused with the reason the voter is shown.</summary>
public sealed record VoteOutcome(bool Counted, string Message);
