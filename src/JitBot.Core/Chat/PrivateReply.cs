using JitBot.Core.Common;

namespace JitBot.Core.Chat;

/// <summary>A message for one person only, in the conversation where they acted.</summary>
public sealed record PrivateReply(Platform Platform, string Channel, string UserId, string Text);
