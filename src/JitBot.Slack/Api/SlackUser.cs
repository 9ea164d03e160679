namespace JitBot.Slack.Api;

/// <summary>What users.info tells about a person. <see cref="Email"/> is null without <c>users:read.email</c>.</summary>
internal sealed record SlackUser(string Id, string? Email, string DisplayName, bool IsDeleted, bool IsBot);
