namespace JitBot.Core.Commands;

/// <summary>The answer to a chat command, shown only to the person who typed it.</summary>
public sealed record CommandReply(string Text);
