using JitBot.Core.Lifecycle;
using JitBot.Core.Requests;
using JitBot.Teams.Cards;
using JitBot.Teams.Chat;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>The card's <c>jit.approve</c> button.</summary>
internal sealed class ApproveCardAction(IVoteHandler votes, IRequestStore store, TeamsApprovalCards cards)
    : VoteCardAction(votes, store, cards, ApprovalCard.ApproveVerb, approve: true);
