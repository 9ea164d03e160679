namespace JitBot.Testing.Slack;

/// <summary>A user the fake's users.info knows. A null email is what Slack shows without <c>users:read.email</c>.</summary>
public sealed record FakeSlackUser(string Id, string? Email, string Name, bool IsDeleted = false, bool IsBot = false);
