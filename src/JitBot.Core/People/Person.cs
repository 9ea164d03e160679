using JitBot.Core.Common;

namespace JitBot.Core.People;

/// <summary>
/// Someone as the core knows them: by email (the key in policies, audit and connectors),
/// with the platform ids the adapters need to reach them.
/// </summary>
public sealed record Person(string Email, string DisplayName, Platform Platform, string PlatformUserId)
{
    public string? SlackUserId => Platform == Platform.Slack ? PlatformUserId : null;

    public string? TeamsUserId => Platform == Platform.Teams ? PlatformUserId : null;

    public bool IsSameAs(string email) => string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);
}
