using JitBot.Core.Common;

namespace JitBot.Core.Requests;

/// <summary>An approval card as posted: where, and the platform's id of the message.</summary>
public sealed record CardRef(Platform Platform, string Channel, string MessageId);
