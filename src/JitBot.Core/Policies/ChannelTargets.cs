using JitBot.Core.Common;

namespace JitBot.Core.Policies;

/// <summary>Where a resource's approval cards go, per platform.</summary>
public sealed record ChannelTargets(string? Slack, string? Teams)
{
    public string? For(Platform platform) => platform switch
    {
        Platform.Slack => Slack,
        Platform.Teams => Teams,
        _ => null,
    };
}
