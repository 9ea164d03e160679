using JitBot.Core.Lifecycle;
using JitBot.Slack.Cards;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>The card's <c>jit.approve</c> button.</summary>
internal sealed class ApproveButtonHandler(IVoteHandler votes) : VoteButtonHandler(votes, ApprovalCard.ApproveActionId, approve: true);
