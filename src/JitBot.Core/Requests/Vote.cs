namespace JitBot.Core.Requests;

/// <summary>One approver's counted decision.</summary>
public sealed record Vote(string Email, string DisplayName, bool Approve, DateTimeOffset At, string? Reason = null, int Stage = 0);
