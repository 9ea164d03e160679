using System.Text.Json.Nodes;

namespace JitBot.Slack.Api;

/// <summary>A message body: the <c>text</c> fallback (notifications, accessibility) and optional Block Kit blocks.</summary>
internal sealed record SlackMessage(string Text, JsonArray? Blocks = null);
