using System.Text.RegularExpressions;

namespace JitBot.Core.Policies;

/// <summary>
/// Approves a request without a person when every condition given holds: the requester is in one of
/// <see cref="RequesterIn"/>, the duration is at most <see cref="MaxDuration"/>, the time is within
/// <see cref="Hours"/>, the reason matches <see cref="ReasonMatches"/>.
/// </summary>
public sealed record AutoApproveRule(string Name)
{
    public IReadOnlyList<string> RequesterIn { get; init; } = [];

    public TimeSpan? MaxDuration { get; init; }

    public HoursWindow? Hours { get; init; }

    public Regex? ReasonMatches { get; init; }
}
