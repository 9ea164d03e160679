using JitBot.Core.People;

namespace JitBot.Core.Commands;

/// <summary>Who acted and where: the conversation a private answer goes back to.</summary>
public sealed record ChatContext(Person Person, string Channel);
