namespace JitBot.Slack.Endpoints.Actions;

/// <summary>
/// A button click as the handlers see it: who, in which conversation, the button's value, the trigger id that can
/// open a modal (3 seconds, once), and the message clicked on when Slack sent it.
/// </summary>
internal sealed record SlackClick(string UserId, string ChannelId, string Value, string? TriggerId, string? MessageTs, string? MessageText);
