namespace JitBot.Testing.Slack;

/// <summary>What the fake answers instead of success for one call: HTTP status, Retry-After seconds, Slack error.</summary>
internal sealed record FakeSlackFault(int StatusCode, int? RetryAfterSeconds, string Error);
