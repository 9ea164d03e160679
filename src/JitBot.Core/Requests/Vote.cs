namespace JitBot.Core.Requests;

/// <summary>One approver's counted decision.</summary>
public sealed record Vote(string Email, string DisplayName, bool Approve, DateTimeOffset At, string? Reason = null, int Stage = 0)
{
    /// <summary>Where the voter can be reached (for alerts to a request's approvers).</summary>
    public Common.Platform? Platform { get; init; }

    public string? PlatformUserId { get; init; }
}
