namespace JitBot.Slack.Api;

/// <summary>A posted message's identity, as chat.postMessage / chat.update return it.</summary>
internal sealed record SlackMessageRef(string Channel, string Ts);
