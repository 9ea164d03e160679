namespace JitBot.Core.Policies;

/// <summary>One stage of approval: who decides, how many of them, and where their card goes.</summary>
public sealed record ApprovalStage(string Name, IReadOnlyList<string> Approvers, int Approvals, ChannelTargets Channels);
